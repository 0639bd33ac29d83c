import { Link } from 'react-router';
import { parseEntityRef, refLabel } from './entity-ref.js';
import { servicePath, systemPath, teamPath } from './paths.js';

const none = <span className="muted">—</span>;

export function TeamLink({ name }: { name: string | null }) {
  return name ? <Link to={teamPath(name)}>{name}</Link> : none;
}

export function SystemLink({ name }: { name: string | null }) {
  return name ? <Link to={systemPath(name)}>{name}</Link> : none;
}

export function ServiceLink({ name }: { name: string }) {
  return <Link to={servicePath(name)}>{name}</Link>;
}

/**
 * Entity references as links: components are the catalog's services; other kinds (a Backstage
 * resource such as a database) have no page here and are shown as text.
 */
export function EntityRefLinks({ refs, empty }: { refs: string[]; empty: string }) {
  if (refs.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="chip-list">
      {refs.map((r) => {
        const ref = parseEntityRef(r);
        const linkable = ref.kind === 'component' && ref.namespace === 'default';
        return (
          <li key={r}>
            {linkable ? <ServiceLink name={ref.name} /> : <span className="chip">{refLabel(ref)}</span>}
          </li>
        );
      })}
    </ul>
  );
}
