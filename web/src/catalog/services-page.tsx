import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { queryString } from '../api.js';
import { EmptyState } from '../components/empty-state.js';
import { ErrorBanner } from '../components/error-banner.js';
import { Loading } from '../components/loading.js';
import { PageHeader } from '../components/page-header.js';
import { Pagination } from '../components/pagination.js';
import { useResource } from '../components/use-resource.js';
import { lifecycles, type Page, type Service, type Team, tiers } from './model.js';
import { importPath } from './paths.js';
import { ServicesTable } from './services-table.js';

const pageSize = 25;
const searchDelayMs = 250;
const filterNames = ['q', 'owner', 'tier', 'lifecycle'] as const;
type FilterName = (typeof filterNames)[number];

/** Services of the tenant: search and filters live in the URL, so a filtered list can be shared. */
export function ServicesPage() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ''])) as Record<
    FilterName,
    string
  >;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const services = useResource<Page<Service>>(
    `/services${queryString({ ...filters, limit: pageSize, offset })}`,
    { keepPrevious: true },
  );
  const teams = useResource<Page<Team>>('/teams');

  /** Changes the address; any change but paging starts again from the first page. */
  function update(changes: Partial<Record<FilterName | 'offset', string>>, replace = false) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (!('offset' in changes)) next.delete('offset');
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace },
    );
  }

  const filtered = filterNames.some((n) => filters[n]);
  const total = services.data?.total;

  return (
    <>
      <PageHeader title="Services" kicker="Catalog">
        <p className="muted">Everything the tenant runs, who owns it and how critical it is.</p>
      </PageHeader>

      <search className="filters" aria-label="Filter services">
        <SearchBox value={filters.q} onSearch={(q) => update({ q }, true)} />
        <div className="field">
          <label htmlFor="filter-owner">Owner</label>
          <select id="filter-owner" value={filters.owner} onChange={(e) => update({ owner: e.target.value })}>
            <option value="">All teams</option>
            {withCurrent(
              (teams.data?.items ?? []).map((t) => t.name),
              filters.owner,
            ).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-tier">Tier</label>
          <select id="filter-tier" value={filters.tier} onChange={(e) => update({ tier: e.target.value })}>
            <option value="">All tiers</option>
            {tiers.map((t) => (
              <option key={t} value={String(t)}>
                Tier {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-lifecycle">Lifecycle</label>
          <select
            id="filter-lifecycle"
            value={filters.lifecycle}
            onChange={(e) => update({ lifecycle: e.target.value })}
          >
            <option value="">All lifecycles</option>
            {withCurrent(lifecycles, filters.lifecycle).map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <button
            type="button"
            className="button button-quiet filters-clear"
            onClick={() => update({ q: '', owner: '', tier: '', lifecycle: '' })}
          >
            Clear filters
          </button>
        )}
      </search>

      <div className="list-status">
        <p className="count" aria-live="polite" data-testid="services-count">
          {total === undefined ? '' : `${total} ${total === 1 ? 'service' : 'services'}`}
        </p>
        {services.loading && services.data && <Loading label="Updating…" />}
      </div>

      {services.error !== undefined ? (
        <ErrorBanner error={services.error} onRetry={services.reload} />
      ) : !services.data ? (
        <Loading />
      ) : services.data.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No services match these filters.">
            <p>Try a shorter search or clear a filter.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No services in this tenant yet.">
            <p>
              <Link to={importPath}>Import a catalog-info.yaml</Link> to add services, teams and systems.
            </p>
          </EmptyState>
        )
      ) : (
        <div aria-busy={services.loading}>
          <ServicesTable services={services.data.items} caption="Services" />
          <Pagination
            offset={offset}
            limit={pageSize}
            total={services.data.total}
            onChange={(o) => update({ offset: o ? String(o) : '' })}
          />
        </div>
      )}
    </>
  );
}

/** A search input that reports what was typed once typing pauses. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const reported = useRef(value);
  const report = useRef(onSearch);
  useEffect(() => {
    report.current = onSearch;
  }, [onSearch]);

  // The URL changed by itself (back button, a link): show what it says.
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === reported.current) return;
    const timer = setTimeout(() => {
      reported.current = text;
      report.current(text);
    }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="field field-grow">
      <label htmlFor="filter-q">Search</label>
      <input
        id="filter-q"
        type="search"
        placeholder="Name, title or description"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </div>
  );
}

/** Keeps a value chosen through the URL selectable even when the option list does not hold it. */
function withCurrent(options: readonly string[], current: string): string[] {
  return current && !options.includes(current) ? [...options, current] : [...options];
}
