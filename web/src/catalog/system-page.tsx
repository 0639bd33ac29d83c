import { useParams } from 'react-router';
import { EmptyState } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { ResourceView } from '../components/resource-view.js';
import { useResource } from '../components/use-resource.js';
import { TeamLink } from './entity-links.js';
import type { SystemDetail } from './model.js';
import { apiPath } from './paths.js';
import { ServicesTable } from './services-table.js';

export function SystemPage() {
  const { name = '' } = useParams();
  const system = useResource<SystemDetail>(apiPath.system(name));
  return <ResourceView resource={system}>{(s) => <SystemView system={s} />}</ResourceView>;
}

function SystemView({ system: s }: { system: SystemDetail }) {
  return (
    <>
      <PageHeader title={s.title || s.name} kicker="System">
        {s.title && s.title !== s.name && <p className="entity-name">{s.name}</p>}
        {s.description && <p className="lead">{s.description}</p>}
      </PageHeader>
      <section className="panel" aria-labelledby="system-facts">
        <h2 id="system-facts">Overview</h2>
        <dl className="facts">
          <dt>Owner</dt>
          <dd>
            <TeamLink name={s.owner} />
          </dd>
          <dt>Domain</dt>
          <dd>{s.domain ?? <span className="muted">—</span>}</dd>
        </dl>
      </section>
      <section aria-labelledby="system-services" className="section">
        <h2 id="system-services">Services</h2>
        {s.services.length === 0 ? (
          <EmptyState title="No services belong to this system." />
        ) : (
          <ServicesTable services={s.services} caption={`Services of ${s.name}`} />
        )}
      </section>
    </>
  );
}
