import { useParams } from 'react-router';
import { EmptyState } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { ResourceView } from '../components/resource-view.js';
import { useResource } from '../components/use-resource.js';
import { DoraStrip } from '../measures/dora-strip.js';
import { TeamLink } from './entity-links.js';
import type { Person, TeamDetail } from './model.js';
import { apiPath } from './paths.js';
import { ServicesTable } from './services-table.js';

export function TeamPage() {
  const { name = '' } = useParams();
  const team = useResource<TeamDetail>(apiPath.team(name));
  return <ResourceView resource={team}>{(t) => <TeamView team={t} />}</ResourceView>;
}

function TeamView({ team: t }: { team: TeamDetail }) {
  return (
    <>
      <PageHeader title={t.title || t.name} kicker="Team">
        {t.title && t.title !== t.name && <p className="entity-name">{t.name}</p>}
        {t.description && <p className="lead">{t.description}</p>}
      </PageHeader>

      <div className="detail-grid">
        <section className="panel" aria-labelledby="team-facts">
          <h2 id="team-facts">Overview</h2>
          <dl className="facts">
            <dt>Parent team</dt>
            <dd>
              <TeamLink name={t.parent} />
            </dd>
            <dt>Email</dt>
            <dd>
              {t.email ? <a href={`mailto:${t.email}`}>{t.email}</a> : <span className="muted">—</span>}
            </dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="team-members">
          <h2 id="team-members">Members</h2>
          <Members names={t.members} people={t.people} />
        </section>
      </div>

      <DoraStrip scope={{ team: t.name }} />

      <section aria-labelledby="team-services" className="section">
        <h2 id="team-services">Services</h2>
        {t.services.length === 0 ? (
          <EmptyState title="This team owns no services." />
        ) : (
          <ServicesTable services={t.services} caption={`Services owned by ${t.name}`} />
        )}
      </section>
    </>
  );
}

/** Members are user names; the people the catalog knows about add a display name and email. */
function Members({ names, people }: { names: string[]; people: Person[] }) {
  const all = [...new Set([...names, ...people.map((p) => p.name)])];
  if (all.length === 0) return <p className="muted">No members recorded.</p>;
  const byName = new Map(people.map((p) => [p.name, p]));
  return (
    <ul className="people">
      {all.map((n) => {
        const p = byName.get(n);
        return (
          <li key={n}>
            <span className="person-name">{p?.displayName || n}</span>
            {p?.displayName && p.displayName !== n && <span className="muted"> ({n})</span>}
            {p?.email && (
              <a className="person-email" href={`mailto:${p.email}`}>
                {p.email}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
