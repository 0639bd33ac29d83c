import { Link, useSearchParams } from 'react-router';
import { useSession } from '../access/session.js';
import { EmptyState } from '../components/empty-state.js';
import { ErrorBanner } from '../components/error-banner.js';
import { Loading } from '../components/loading.js';
import { PageHeader } from '../components/page-header.js';
import { useResource } from '../components/use-resource.js';
import { formatDayRange } from './format.js';
import { LevelBadge } from './level-badge.js';
import { isUnconfirmed, levelOf, metrics } from './metrics.js';
import { levelVersions, type PortfolioEntry, windowDays } from './model.js';
import { apiPath, doraPath } from './paths.js';

/** Every customer tenant's DORA numbers (provider-admins); a tenant's name opens its dashboard. */
export function PortfolioPage() {
  const { switchTenant } = useSession();
  const [params, setParams] = useSearchParams();
  const last = params.get('last') ?? '30';
  const levels = params.get('levels') ?? '';
  const portfolio = useResource<{ items: PortfolioEntry[] }>(
    apiPath.portfolio({ last, levels: levels || undefined }),
    { keepPrevious: true },
  );

  function update(key: string, value: string) {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  }

  return (
    <>
      <PageHeader title="Portfolio" kicker="DORA metrics">
        <p className="muted">
          Every customer’s delivery at a glance, each in its own time zone and settings.
        </p>
      </PageHeader>
      <search className="filters" aria-label="Portfolio window">
        <div className="field">
          <label htmlFor="portfolio-window">Window</label>
          <select
            id="portfolio-window"
            value={last}
            onChange={(e) => update('last', e.target.value === '30' ? '' : e.target.value)}
          >
            {windowDays.map((d) => (
              <option key={d} value={d}>
                Last {d} days
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="portfolio-levels">Levels</label>
          <select id="portfolio-levels" value={levels} onChange={(e) => update('levels', e.target.value)}>
            <option value="">Each tenant’s default</option>
            {levelVersions.map((v) => (
              <option key={v} value={v}>
                DORA {v}
              </option>
            ))}
          </select>
        </div>
      </search>

      <div className="section">
        {portfolio.error !== undefined ? (
          <ErrorBanner error={portfolio.error} onRetry={portfolio.reload} />
        ) : !portfolio.data ? (
          <Loading />
        ) : portfolio.data.items.length === 0 ? (
          <EmptyState title="No customer tenants yet." />
        ) : (
          <div className="table-wrap" aria-busy={portfolio.loading}>
            <table className="table table-dora">
              <caption className="visually-hidden">DORA metrics by tenant</caption>
              <thead>
                <tr>
                  <th scope="col">Tenant</th>
                  {metrics.map((m) => (
                    <th scope="col" key={m.key} className="numeric">
                      {m.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {portfolio.data.items.map((t) => (
                  <tr key={t.tenant}>
                    <th scope="row">
                      {/* The tenant switcher's mechanism: the dashboard then opens in that tenant. */}
                      <Link to={doraPath} onClick={() => switchTenant(t.tenant)}>
                        {t.name}
                      </Link>
                      <span className="cell-sub">
                        {t.tenant} · {formatDayRange(t.from, t.to)}
                      </span>
                    </th>
                    {metrics.map((m) => (
                      <td key={m.key} className="numeric">
                        <span className="dora-cell">
                          <span className="dora-cell-value">{m.value(t)}</span>
                          {m.levelKey && (
                            <LevelBadge level={levelOf(t, m)} unconfirmed={isUnconfirmed(t, m)} />
                          )}
                        </span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
