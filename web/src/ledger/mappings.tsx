import { type FormEvent, type RefObject, useState } from 'react';
import { useSession } from '../access/session.js';
import { ServiceLink } from '../catalog/entity-links.js';
import type { Page, Service } from '../catalog/model.js';
import { EmptyState } from '../components/empty-state.js';
import { ErrorBanner } from '../components/error-banner.js';
import { useDateTime } from '../components/format.js';
import { ResourceView } from '../components/resource-view.js';
import { type Resource, useResource } from '../components/use-resource.js';
import type { RepoMapping } from './model.js';
import { apiPath } from './paths.js';

/** Repository → service rules: the table, and for members and above a form and delete buttons. */
export function Mappings(props: {
  mappings: Resource<{ items: RepoMapping[] }>;
  canEdit: boolean;
  pattern: string;
  onPatternChange(pattern: string): void;
  patternInput: RefObject<HTMLInputElement | null>;
  /** After a mapping was added or removed: events may have been matched. */
  onChanged(): void;
}) {
  const { api } = useSession();
  const dateTime = useDateTime();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();

  async function remove(pattern: string) {
    setBusy(pattern);
    setError(undefined);
    try {
      await api.delete(apiPath.mapping(pattern));
      props.onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <>
      {props.canEdit && (
        <MappingForm
          pattern={props.pattern}
          onPatternChange={props.onPatternChange}
          patternInput={props.patternInput}
          onAdded={props.onChanged}
        />
      )}
      {error !== undefined && <ErrorBanner error={error} />}
      <ResourceView resource={props.mappings}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No mappings yet.">
              <p>Repositories listed in a service’s catalog entry are matched without one.</p>
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="mappings">
                <caption className="visually-hidden">Repository mappings</caption>
                <thead>
                  <tr>
                    <th scope="col">Repository or prefix</th>
                    <th scope="col">Service</th>
                    <th scope="col">Added</th>
                    {props.canEdit && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {items.map((m) => (
                    <tr key={m.pattern}>
                      <th scope="row" className="cell-wrap">
                        <code>{m.pattern}</code>
                      </th>
                      <td>
                        <ServiceLink name={m.service} />
                      </td>
                      <td>
                        <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
                      </td>
                      {props.canEdit && (
                        <td className="cell-actions">
                          <button
                            type="button"
                            className="button button-small button-danger"
                            disabled={busy === m.pattern}
                            onClick={() => void remove(m.pattern)}
                            aria-label={`Delete mapping ${m.pattern}`}
                          >
                            Delete
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceView>
    </>
  );
}

function MappingForm(props: {
  pattern: string;
  onPatternChange(pattern: string): void;
  patternInput: RefObject<HTMLInputElement | null>;
  onAdded(): void;
}) {
  const { api } = useSession();
  const services = useResource<Page<Service>>('/services?limit=500');
  const [service, setService] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const res = await api.post<{ mapping: RepoMapping; rematched: number }>('/ingest/mappings', {
        pattern: props.pattern.trim(),
        service,
      });
      setDone(
        `Mapped ${res.mapping.pattern} to ${res.mapping.service}; ${res.rematched} ${
          res.rematched === 1 ? 'event' : 'events'
        } matched.`,
      );
      props.onPatternChange('');
      setService('');
      props.onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form panel mapping-form" onSubmit={submit} aria-labelledby="mapping-form-title">
      <h3 id="mapping-form-title">Add a mapping</h3>
      <div className="form-row">
        <div className="field field-grow">
          <label htmlFor="mapping-pattern">Repository URL or prefix</label>
          <input
            id="mapping-pattern"
            ref={props.patternInput}
            required
            placeholder="https://github.com/acme/shop or https://github.com/acme/*"
            aria-describedby="mapping-pattern-help"
            value={props.pattern}
            onChange={(e) => props.onPatternChange(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="mapping-service">Service</label>
          <select id="mapping-service" required value={service} onChange={(e) => setService(e.target.value)}>
            <option value="">Choose a service</option>
            {(services.data?.items ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-button">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add mapping'}
          </button>
        </div>
      </div>
      <div>
        <p id="mapping-pattern-help" className="muted field-help">
          A prefix ending in <code>/*</code> maps every repository under it; the longest prefix wins. Stored
          events of matching repositories are matched at once.
        </p>
        <p className="form-status" role="status">
          {done}
        </p>
      </div>
      {services.error !== undefined && <ErrorBanner error={services.error} onRetry={services.reload} />}
      {error !== undefined && <ErrorBanner error={error} />}
    </form>
  );
}
