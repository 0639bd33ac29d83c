import { Link, useSearchParams } from 'react-router';
import { queryString } from '../api.js';
import type { Page, Service } from '../catalog/model.js';
import { EmptyState } from '../components/empty-state.js';
import { ErrorBanner } from '../components/error-banner.js';
import { Loading } from '../components/loading.js';
import { PageHeader } from '../components/page-header.js';
import { Pagination } from '../components/pagination.js';
import { useResource } from '../components/use-resource.js';
import { statusLabel } from './badges.js';
import { DeploymentsTable } from './deployments-table.js';
import { type Deployment, deploymentStatuses } from './model.js';
import { ingestPath } from './paths.js';

const pageSize = 25;
const filterNames = ['service', 'environment', 'status'] as const;
type FilterName = (typeof filterNames)[number];

/** Every deployment of the tenant, newest first; the filters live in the URL so a view can be shared. */
export function DeploymentsPage() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ''])) as Record<
    FilterName,
    string
  >;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const deployments = useResource<Page<Deployment>>(
    `/deployments${queryString({ ...filters, limit: pageSize, offset })}`,
    { keepPrevious: true },
  );
  const services = useResource<Page<Service>>('/services?limit=500');

  /** Any change but paging starts again from the first page. */
  function update(changes: Partial<Record<FilterName | 'offset', string>>) {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (!('offset' in changes)) next.delete('offset');
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  }

  const filtered = filterNames.some((n) => filters[n]);
  const total = deployments.data?.total;
  // No API lists environments; the catalog's declared ones and those on screen are the choices.
  const environments = [
    ...new Set([
      ...(services.data?.items ?? []).flatMap((s) => s.environments),
      ...(deployments.data?.items ?? []).map((d) => d.environment),
    ]),
  ].sort();

  return (
    <>
      <PageHeader title="Deployments" kicker="Delivery">
        <p className="muted">What reached each environment, when, and which commits it shipped.</p>
      </PageHeader>

      <search className="filters" aria-label="Filter deployments">
        <Select
          id="filter-service"
          label="Service"
          all="All services"
          value={filters.service}
          options={(services.data?.items ?? []).map((s) => ({ value: s.name }))}
          onChange={(service) => update({ service })}
        />
        <Select
          id="filter-environment"
          label="Environment"
          all="All environments"
          value={filters.environment}
          options={environments.map((e) => ({ value: e }))}
          onChange={(environment) => update({ environment })}
        />
        <Select
          id="filter-status"
          label="Status"
          all="Any status"
          value={filters.status}
          options={deploymentStatuses.map((s) => ({ value: s, label: statusLabel[s] }))}
          onChange={(status) => update({ status })}
        />
        {filtered && (
          <button
            type="button"
            className="button button-quiet filters-clear"
            onClick={() => update({ service: '', environment: '', status: '' })}
          >
            Clear filters
          </button>
        )}
      </search>

      <div className="list-status">
        <p className="count" aria-live="polite" data-testid="deployments-count">
          {total === undefined ? '' : `${total} ${total === 1 ? 'deployment' : 'deployments'}`}
        </p>
        {deployments.loading && deployments.data && <Loading label="Updating…" />}
      </div>

      {deployments.error !== undefined ? (
        <ErrorBanner error={deployments.error} onRetry={deployments.reload} />
      ) : !deployments.data ? (
        <Loading />
      ) : deployments.data.items.length === 0 ? (
        <EmptyState title={filtered ? 'No deployments match these filters.' : 'No deployments recorded yet.'}>
          {filtered ? (
            <p>Try another service, environment or status, or clear the filters.</p>
          ) : (
            <p>
              Deployments arrive through webhooks, CloudEvents or the CLI; see{' '}
              <Link to={ingestPath}>Ingest</Link>.
            </p>
          )}
        </EmptyState>
      ) : (
        <div aria-busy={deployments.loading}>
          <DeploymentsTable deployments={deployments.data.items} caption="Deployments" showService />
          <Pagination
            offset={offset}
            limit={pageSize}
            total={deployments.data.total}
            onChange={(o) => update({ offset: o ? String(o) : '' })}
          />
        </div>
      )}
    </>
  );
}

function Select(props: {
  id: string;
  label: string;
  all: string;
  value: string;
  options: readonly { value: string; label?: string }[];
  onChange(value: string): void;
}) {
  // A value chosen through the URL stays selectable even when the list does not hold it.
  const options =
    props.value && !props.options.some((o) => o.value === props.value)
      ? [...props.options, { value: props.value }]
      : props.options;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label ?? o.value}
          </option>
        ))}
      </select>
    </div>
  );
}
