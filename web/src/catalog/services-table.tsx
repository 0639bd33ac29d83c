import { ServiceLink, SystemLink, TeamLink } from './entity-links.js';
import type { Service } from './model.js';
import { LifecycleBadge, TierBadge } from './tier.js';

/** The service table of the services page, a team page and a system page. */
export function ServicesTable({ services, caption }: { services: Service[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Owner</th>
            <th scope="col">Tier</th>
            <th scope="col">Lifecycle</th>
            <th scope="col">System</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.name}>
              <th scope="row">
                <ServiceLink name={s.name} />
                {s.title && s.title !== s.name && <span className="cell-sub">{s.title}</span>}
              </th>
              <td>
                <TeamLink name={s.owner} />
              </td>
              <td>
                <TierBadge tier={s.tier} />
              </td>
              <td>
                <LifecycleBadge lifecycle={s.lifecycle} />
              </td>
              <td>
                <SystemLink name={s.system} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
