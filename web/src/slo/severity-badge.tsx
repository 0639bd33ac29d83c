/** A firing or past alert's severity: page wakes someone, ticket waits for working hours. */
export function SeverityBadge({ severity, active = true }: { severity: string; active?: boolean }) {
  const known = severity === 'page' || severity === 'ticket' ? severity : 'other';
  return (
    <span className={`badge badge-severity-${known}${active ? '' : ' badge-severity-past'}`}>{severity}</span>
  );
}
