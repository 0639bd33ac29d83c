import { Link, useSearchParams } from 'react-router';
import { ServiceLink } from '../catalog/entity-links.js';
import type { Page } from '../catalog/model.js';
import { EmptyState } from '../components/empty-state.js';
import { ErrorBanner } from '../components/error-banner.js';
import { Loading } from '../components/loading.js';
import { PageHeader } from '../components/page-header.js';
import { Pagination } from '../components/pagination.js';
import { useResource } from '../components/use-resource.js';
import { ChangesTable, DeploymentsTable } from './events-tables.js';
import { formatDayRange, plural } from './format.js';
import {
  type ChangeEvent,
  type DeploymentEvent,
  type DoraAnswer,
  type EventMetric,
  eventMetrics,
} from './model.js';
import { apiPath, type DoraQuery, doraLink, eventsLink, readQuery } from './paths.js';

const pageSize = 25;

const titles: Record<EventMetric, { title: string; tab: string; about: string }> = {
  deployments: {
    tab: 'Deployments',
    title: 'Deployments',
    about: 'Every deployment the frequency counts; records of one pipeline run count once.',
  },
  'lead-time': {
    tab: 'Lead time',
    title: 'Changes and their lead time',
    about: 'Each commit a deployment shipped, with the time from its start to the deployment’s finish.',
  },
  'change-failures': {
    tab: 'Change failures',
    title: 'Failed deployments',
    about: 'Deployments that needed intervention: an incident, a rollback or a fix deployment.',
  },
  recovery: {
    tab: 'Recovery',
    title: 'Failed deployments and their recovery',
    about: 'How long each failed deployment took to recover: incident resolved or service restored.',
  },
  rework: {
    tab: 'Rework',
    title: 'Unplanned deployments',
    about: 'Rollbacks and hotfixes: deployments nobody planned to make.',
  },
};

/** The deployments or changes behind one DORA number; scope and window come from the dashboard's URL. */
export function EventsPage() {
  const [params] = useSearchParams();
  const query = readQuery(params);
  const metric = (eventMetrics as readonly string[]).includes(params.get('metric') ?? '')
    ? (params.get('metric') as EventMetric)
    : 'deployments';
  // The dashboard's links name their days; otherwise ask the server, which resolves `last` in the
  // tenant's time zone.
  const explicit = query.from && query.to ? { from: query.from, to: query.to } : undefined;
  const answer = useResource<DoraAnswer>(explicit ? null : apiPath.dora(query));
  const w = explicit ?? answer.data?.window;
  const scope = query.service
    ? `service ${query.service}`
    : query.team
      ? `team ${query.team}`
      : 'all services';
  const t = titles[metric];

  return (
    <>
      <PageHeader
        title={t.title}
        kicker="DORA metrics"
        actions={
          <Link className="button" to={doraLink(query)}>
            Back to the dashboard
          </Link>
        }
      >
        <p className="muted" data-testid="events-scope">
          {query.service ? <ServiceLink name={query.service} /> : scope} · {query.environment ?? 'production'}
          {w ? ` · ${formatDayRange(w.from, w.to)}` : ''}
        </p>
        <p className="lead">{t.about}</p>
      </PageHeader>

      <nav className="tabs" aria-label="DORA metric">
        {eventMetrics.map((m) => (
          <Link
            key={m}
            to={eventsLink({ ...query, metric: m })}
            className={m === metric ? 'tab tab-active' : 'tab'}
            aria-current={m === metric ? 'page' : undefined}
          >
            {titles[m].tab}
          </Link>
        ))}
      </nav>

      {/* Keyed: a page of one metric's events is never drawn as another's while the next loads. */}
      <MetricEvents key={metric} metric={metric} query={query} />
    </>
  );
}

function MetricEvents({ metric, query }: { metric: EventMetric; query: DoraQuery }) {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const events = useResource<Page<DeploymentEvent | ChangeEvent>>(
    apiPath.events({ ...query, metric, limit: pageSize, offset }),
    { keepPrevious: true },
  );
  const caption = titles[metric].title;
  return (
    <>
      <div className="list-status">
        <p className="count" aria-live="polite" data-testid="events-count">
          {events.data ? countText(metric, events.data.total) : ''}
        </p>
        {events.loading && events.data && <Loading label="Updating…" />}
      </div>

      {events.error !== undefined ? (
        <ErrorBanner error={events.error} onRetry={events.reload} />
      ) : !events.data ? (
        <Loading />
      ) : events.data.items.length === 0 ? (
        <EmptyState title="Nothing contributed to this number in this window." />
      ) : (
        <div aria-busy={events.loading}>
          {metric === 'lead-time' ? (
            <ChangesTable changes={events.data.items as ChangeEvent[]} caption={caption} />
          ) : (
            <DeploymentsTable
              deployments={events.data.items as DeploymentEvent[]}
              caption={caption}
              showRecovery={metric === 'change-failures' || metric === 'recovery'}
            />
          )}
          <Pagination
            offset={offset}
            limit={pageSize}
            total={events.data.total}
            onChange={(o) =>
              setParams((prev) => {
                const next = new URLSearchParams(prev);
                if (o) next.set('offset', String(o));
                else next.delete('offset');
                return next;
              })
            }
          />
        </div>
      )}
    </>
  );
}

function countText(metric: EventMetric, total: number): string {
  return plural(total, metric === 'lead-time' ? 'change' : 'deployment');
}
