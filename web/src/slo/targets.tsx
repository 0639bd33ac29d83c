import { type FormEvent, useState } from 'react';
import { useSession } from '../access/session.js';
import { ApiError } from '../api.js';
import { EmptyState } from '../components/empty-state.js';
import { ErrorBanner } from '../components/error-banner.js';
import { useDateTime } from '../components/format.js';
import type { NotificationTarget, TargetKind } from './model.js';
import { apiPath } from './paths.js';

const kindLabel: Record<TargetKind, string> = { webhook: 'Webhook', slack: 'Slack' };

export function TargetsTable(props: {
  targets: NotificationTarget[];
  canManage: boolean;
  onChanged(): void;
}) {
  const dateTime = useDateTime();
  if (props.targets.length === 0)
    return <EmptyState title="No notification target yet: alerts open and close, but nobody is told." />;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="targets-table">
        <caption className="visually-hidden">Notification targets</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">URL</th>
            <th scope="col">Added</th>
            {props.canManage && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {props.targets.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.name}</th>
              <td>
                <span className="badge">{kindLabel[t.kind] ?? t.kind}</span>
              </td>
              <td className="cell-wrap">
                <code>{t.url}</code>
              </td>
              <td>
                <time dateTime={t.createdAt}>{dateTime(t.createdAt)}</time>
              </td>
              {props.canManage && (
                <td className="cell-actions">
                  <RemoveTarget target={t} onRemoved={props.onChanged} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Two steps, so a stray click removes nothing. */
function RemoveTarget({ target, onRemoved }: { target: NotificationTarget; onRemoved(): void }) {
  const { api } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await api.delete(apiPath.target(target.id));
      onRemoved();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  if (!confirming)
    return (
      <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
        Remove<span className="visually-hidden"> {target.name}</span>
      </button>
    );
  return (
    <span className="confirm">
      <button
        type="button"
        className="button button-small button-danger"
        disabled={busy}
        onClick={() => void remove()}
      >
        Confirm removal<span className="visually-hidden"> of {target.name}</span>
      </button>
      <button type="button" className="button button-small button-quiet" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {error !== undefined && <ErrorBanner error={error} />}
    </span>
  );
}

type Field = 'name' | 'kind' | 'url';

/** A new target; a webhook's signing secret is in the answer once and shown once here. */
export function TargetForm({ onCreated }: { onCreated(): void }) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TargetKind>('webhook');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<NotificationTarget>();

  const fieldErrors = new Map<string, string>();
  if (error instanceof ApiError)
    for (const e of error.errors) fieldErrors.set(e.path.replace(/^\//, ''), e.message);
  const otherError =
    error !== undefined &&
    (!(error instanceof ApiError) ||
      ![...fieldErrors.keys()].some((k) => ['name', 'kind', 'url'].includes(k)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setCreated(undefined);
    try {
      const res = await api.post<NotificationTarget>(apiPath.targets, {
        name: name.trim(),
        kind,
        url: url.trim(),
      });
      setCreated(res);
      setName('');
      setUrl('');
      onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const err = (f: Field) => fieldErrors.get(f);
  return (
    <form className="form panel target-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Add a target</h3>
      {otherError && <ErrorBanner error={error} />}
      <div className="form-row">
        <div className="field">
          <label htmlFor="target-name">Name</label>
          <input
            id="target-name"
            value={name}
            required
            placeholder="oncall"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={err('name') ? true : undefined}
            aria-describedby="target-name-help"
          />
          <p id="target-name-help" className={err('name') ? 'field-error' : 'field-help muted'}>
            {err('name') ?? 'Lower-case; alert policies name targets by it.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor="target-kind">Kind</label>
          <select id="target-kind" value={kind} onChange={(e) => setKind(e.target.value as TargetKind)}>
            <option value="webhook">Webhook</option>
            <option value="slack">Slack</option>
          </select>
        </div>
        <div className="field field-grow">
          <label htmlFor="target-url">URL</label>
          <input
            id="target-url"
            type="url"
            value={url}
            required
            placeholder={
              kind === 'slack' ? 'https://hooks.slack.com/services/…' : 'https://example.com/hooks/slo'
            }
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={err('url') ? true : undefined}
            aria-describedby="target-url-help"
          />
          <p id="target-url-help" className={err('url') ? 'field-error' : 'field-help muted'}>
            {err('url') ??
              (kind === 'webhook'
                ? 'Bodies are signed: X-Throughline-Signature-256 carries sha256=HMAC of the body.'
                : 'Messages arrive as Slack blocks.')}
          </p>
        </div>
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || !name.trim() || !url.trim()}
        >
          {busy ? 'Adding…' : 'Add target'}
        </button>
      </div>
      <div role="status">
        {created && (
          <div className="secret-once" data-testid="target-created">
            {created.secret ? (
              <>
                <p className="secret-once-title">
                  Target {created.name} added. Its signing secret, shown only now: copy it.
                </p>
                <code className="copyable" data-testid="target-secret">
                  {created.secret}
                </code>
                <p className="muted">Verify X-Throughline-Signature-256 with it; it is not shown again.</p>
              </>
            ) : (
              <p className="secret-once-title">Target {created.name} added.</p>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
