import { useRef, useState } from 'react';
import { atLeast } from '../access/model.js';
import { useSession } from '../access/session.js';
import { queryString } from '../api.js';
import type { Page } from '../catalog/model.js';
import { EmptyState } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { ResourceView } from '../components/resource-view.js';
import { useResource } from '../components/use-resource.js';
import { Mappings } from './mappings.js';
import type { IngestStatus, LedgerEvent, RepoMapping } from './model.js';
import { SourceCards } from './source-cards.js';
import { UnmatchedEvents } from './unmatched-events.js';
import { WebhookSetup } from './webhook-setup.js';

const unmatchedPageSize = 20;

/** Is delivery data arriving, what could not be matched to a service, and how to connect GitHub and GitLab. */
export function IngestPage() {
  const { me } = useSession();
  const canEdit = atLeast(me.role, 'member');
  const status = useResource<IngestStatus>('/ingest/status');
  const [offset, setOffset] = useState(0);
  const unmatched = useResource<Page<LedgerEvent>>(
    `/events${queryString({ unmatched: 'true', limit: unmatchedPageSize, offset })}`,
    { keepPrevious: true },
  );
  const mappings = useResource<{ items: RepoMapping[] }>('/ingest/mappings');
  const [pattern, setPattern] = useState('');
  const patternInput = useRef<HTMLInputElement>(null);

  function mappingsChanged() {
    mappings.reload();
    status.reload();
    setOffset(0);
    unmatched.reload();
  }

  function mapRepository(repo: string) {
    setPattern(repo);
    patternInput.current?.focus();
    patternInput.current?.scrollIntoView({ block: 'center' });
  }

  const unmatchedCount = status.data?.unmatchedEvents;
  return (
    <>
      <PageHeader title="Ingest" kicker="Delivery">
        <p className="muted">
          Where delivery events come from, what could not be matched, and how to connect more.
        </p>
      </PageHeader>

      <section aria-labelledby="ingest-sources">
        <h2 id="ingest-sources">Sources</h2>
        <ResourceView resource={status}>
          {({ sources }) =>
            sources.length === 0 ? (
              <EmptyState title="No event has arrived yet.">
                <p>Connect a webhook below, or send CloudEvents to /api/v1/events.</p>
              </EmptyState>
            ) : (
              <SourceCards sources={sources} />
            )
          }
        </ResourceView>
      </section>

      <section className="section" aria-labelledby="ingest-unmatched">
        <h2 id="ingest-unmatched">
          Unmatched events{' '}
          {unmatchedCount !== undefined && (
            <span className={`badge${unmatchedCount > 0 ? ' badge-warn' : ''}`} data-testid="unmatched-count">
              {unmatchedCount}
            </span>
          )}
        </h2>
        <p className="muted">
          Events from a repository no catalog service lists. They are kept, and matched as soon as a mapping
          below names their repository.
        </p>
        <UnmatchedEvents
          events={unmatched}
          offset={offset}
          limit={unmatchedPageSize}
          onPage={setOffset}
          {...(canEdit ? { onMap: mapRepository } : {})}
        />
      </section>

      <section className="section" aria-labelledby="ingest-mappings">
        <h2 id="ingest-mappings">Repository mappings</h2>
        <Mappings
          mappings={mappings}
          canEdit={canEdit}
          pattern={pattern}
          onPatternChange={setPattern}
          patternInput={patternInput}
          onChanged={mappingsChanged}
        />
      </section>

      <section className="section" aria-labelledby="ingest-webhooks">
        <h2 id="ingest-webhooks">Webhooks</h2>
        <WebhookSetup canManageSecrets={atLeast(me.role, 'tenant-admin')} />
      </section>
    </>
  );
}
