import { useSession } from '../access/session.js';

/** Formats a timestamp in the time zone of the tenant the console acts in. */
export function useDateTime(): (iso: string) => string {
  const { me, tenant } = useSession();
  const timeZone = me.tenants.find((t) => t.id === tenant)?.timeZone ?? 'UTC';
  return (iso) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      d,
    );
  };
}
