import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { atLeast } from '../access/model.js';
import { useSession } from '../access/session.js';
import { EmptyState } from '../components/empty-state.js';
import { ErrorBanner } from '../components/error-banner.js';
import { Loading } from '../components/loading.js';
import { PageHeader } from '../components/page-header.js';
import { ResourceView } from '../components/resource-view.js';
import { safeUrl } from '../components/safe-url.js';
import { useResource } from '../components/use-resource.js';
import { DoraFilters } from './dora-filters.js';
import { DoraTrends } from './dora-trends.js';
import { formatDayRange } from './format.js';
import { MetricCard } from './metric-card.js';
import { metrics } from './metrics.js';
import type { DoraAnswer, DoraSettings, DoraTrend } from './model.js';
import { apiPath, type DoraQuery, readQuery } from './paths.js';
import { ServicesBreakdown } from './services-breakdown.js';
import { SettingsPanel } from './settings-panel.js';

/** The tenant's DORA numbers for a scope and window: five cards, weekly trends, and each service. */
export function DashboardPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  // A service has no breakdown; a team or the whole tenant is listed service by service.
  const groupBy = query.service ? undefined : ('service' as const);
  const answer = useResource<DoraAnswer>(apiPath.dora({ ...query, groupBy }), { keepPrevious: true });
  const trend = useResource<DoraTrend>(apiPath.trend(query), { keepPrevious: true });
  const settings = useResource<DoraSettings>(apiPath.settings);
  const [showSettings, setShowSettings] = useState(false);
  const canConfigure = atLeast(me.role, 'tenant-admin');

  function update(changes: Partial<DoraQuery>) {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  }

  const title = query.service ?? (query.team ? `Team ${query.team}` : 'All services');
  const w = answer.data?.window;
  return (
    <>
      <PageHeader
        title={title}
        kicker="DORA metrics"
        actions={
          canConfigure && (
            <button
              type="button"
              className="button"
              aria-expanded={showSettings}
              aria-controls="dora-settings"
              onClick={() => setShowSettings((s) => !s)}
            >
              Settings
            </button>
          )
        }
      >
        <p className="muted" data-testid="dora-window">
          {w
            ? `${answer.data?.scope.environment} · ${formatDayRange(w.from, w.to)} · ${w.days} days in ${w.timeZone}`
            : ' '}
        </p>
      </PageHeader>

      <DoraFilters query={query} settings={settings.data} onChange={update} />

      {showSettings && canConfigure && (
        <div id="dora-settings" className="section">
          <ResourceView resource={settings}>
            {(s) => (
              <SettingsPanel
                settings={s}
                onSaved={() => {
                  settings.reload();
                  answer.reload();
                  trend.reload();
                }}
              />
            )}
          </ResourceView>
        </div>
      )}

      {answer.error !== undefined ? (
        <div className="section">
          <ErrorBanner error={answer.error} onRetry={answer.reload} />
        </div>
      ) : !answer.data ? (
        <div className="section">
          <Loading />
        </div>
      ) : (
        <div aria-busy={answer.loading}>
          <Dashboard answer={answer.data} query={query} />
        </div>
      )}

      {answer.data && (
        <section className="section" aria-labelledby="dora-trend">
          <h2 id="dora-trend">Weekly trend</h2>
          <ResourceView resource={trend}>{(t) => <DoraTrends trend={t} />}</ResourceView>
        </section>
      )}

      {answer.data?.groups && (
        <section className="section" aria-labelledby="dora-by-service">
          <h2 id="dora-by-service">By service</h2>
          {answer.data.groups.length === 0 ? (
            <EmptyState title="No service of this scope deployed in this window." />
          ) : (
            <>
              <ServicesBreakdown groups={answer.data.groups} query={query} />
              <p className="muted table-note">Services without deployments in this window are not listed.</p>
            </>
          )}
        </section>
      )}
    </>
  );
}

function Dashboard({ answer: a, query }: { answer: DoraAnswer; query: DoraQuery }) {
  const source = safeUrl(a.definitions.source);
  return (
    <section className="section" aria-labelledby="dora-numbers">
      <h2 id="dora-numbers" className="visually-hidden">
        The five DORA metrics
      </h2>
      {a.deploymentFrequency.deployments === 0 && (
        <p className="notice">
          No deployments to {a.scope.environment} in this window
          {query.service || query.team ? ' for this scope' : ''}. Try a longer window or another environment.
        </p>
      )}
      <div className="metric-grid">
        {metrics.map((m) => (
          <MetricCard key={m.key} metric={m} answer={a} />
        ))}
      </div>
      <p className="levels-note">
        <span className="levels-note-version">Levels: DORA {a.levels.version}.</span> {a.levels.note}{' '}
        {source && (
          <>
            Definitions after{' '}
            <a href={source} rel="noopener noreferrer" target="_blank">
              dora.dev
            </a>
            .
          </>
        )}
      </p>
    </section>
  );
}
