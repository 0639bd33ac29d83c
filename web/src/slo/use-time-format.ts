import { useMemo } from 'react';
import { useSession } from '../access/session.js';

/** Chart time labels in the tenant's time zone: "12 Nov" on a day axis, "14:00" on an hour axis. */
export function useTimeFormat(): (t: number, opts: { axis: 'day' | 'hour' | 'full' }) => string {
  const { me, tenant } = useSession();
  const timeZone = me.tenants.find((t) => t.id === tenant)?.timeZone ?? 'UTC';
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone });
    const hour = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone });
    const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    return (t, { axis }) => (axis === 'day' ? day : axis === 'hour' ? hour : full).format(t);
  }, [timeZone]);
}
