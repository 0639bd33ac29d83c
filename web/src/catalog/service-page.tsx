import { useParams } from 'react-router';
import { useDateTime } from '../components/format.js';
import { PageHeader } from '../components/page-header.js';
import { ResourceView } from '../components/resource-view.js';
import { safeUrl } from '../components/safe-url.js';
import { useResource } from '../components/use-resource.js';
import { ServiceDelivery } from '../ledger/service-delivery.js';
import { DoraStrip } from '../measures/dora-strip.js';
import { ServiceSlos } from '../slo/service-slos.js';
import { EntityRefLinks, SystemLink, TeamLink } from './entity-links.js';
import type { ServiceDetail } from './model.js';
import { apiPath } from './paths.js';
import { LifecycleBadge, TierBadge } from './tier.js';

export function ServicePage() {
  const { name = '' } = useParams();
  const service = useResource<ServiceDetail>(apiPath.service(name));
  return <ResourceView resource={service}>{(s) => <ServiceView service={s} />}</ResourceView>;
}

function ServiceView({ service: s }: { service: ServiceDetail }) {
  const dateTime = useDateTime();
  return (
    <>
      <PageHeader title={s.title || s.name} kicker="Service">
        {s.title && s.title !== s.name && <p className="entity-name">{s.name}</p>}
        {s.description && <p className="lead">{s.description}</p>}
      </PageHeader>

      <div className="detail-grid">
        <section className="panel" aria-labelledby="service-facts">
          <h2 id="service-facts">Overview</h2>
          <dl className="facts">
            <dt>Owner</dt>
            <dd>
              <TeamLink name={s.owner} />
            </dd>
            <dt>System</dt>
            <dd>
              <SystemLink name={s.system} />
            </dd>
            <dt>Tier</dt>
            <dd>
              <TierBadge tier={s.tier} />
            </dd>
            <dt>Lifecycle</dt>
            <dd>
              <LifecycleBadge lifecycle={s.lifecycle} />
            </dd>
            <dt>Type</dt>
            <dd>{s.type}</dd>
            <dt>Environments</dt>
            <dd>{s.environments.length ? s.environments.join(', ') : <span className="muted">—</span>}</dd>
            <dt>Tags</dt>
            <dd>
              {s.tags.length ? (
                <ul className="tag-list">
                  {s.tags.map((t) => (
                    <li key={t} className="tag">
                      {t}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">—</span>
              )}
            </dd>
            <dt>Source</dt>
            <dd>
              {s.source === 'backstage' ? 'Imported from catalog-info.yaml' : 'Created through the API'}
            </dd>
            <dt>Updated</dt>
            <dd>
              <time dateTime={s.updatedAt}>{dateTime(s.updatedAt)}</time>
            </dd>
          </dl>
        </section>

        <section className="panel" aria-labelledby="service-repositories">
          <h2 id="service-repositories">Repositories</h2>
          <ExternalLinks links={s.repositoryUrls.map((url) => ({ url }))} empty="No repositories recorded." />
          <h2 id="service-links">Links</h2>
          <ExternalLinks links={s.links} empty="No links recorded." />
        </section>

        <section className="panel" aria-labelledby="service-depends-on">
          <h2 id="service-depends-on">Depends on</h2>
          <EntityRefLinks refs={s.dependsOn} empty="No dependencies recorded." />
          <h2 id="service-dependents">Dependents</h2>
          <EntityRefLinks refs={s.dependents} empty="No service depends on this one." />
        </section>
      </div>

      <DoraStrip scope={{ service: s.name }} />

      <ServiceSlos service={s.name} />

      <ServiceDelivery service={s.name} />
    </>
  );
}

function ExternalLinks({ links, empty }: { links: { url: string; title?: string }[]; empty: string }) {
  if (links.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="link-list">
      {links.map((l) => (
        <li key={l.url}>
          <a href={safeUrl(l.url)} rel="noopener noreferrer" target="_blank">
            {l.title || l.url}
          </a>
        </li>
      ))}
    </ul>
  );
}
