import { useSession } from '../access/session.js';

/** Lets a provider-admin act in any tenant; other roles only ever see their own. */
export function TenantSwitcher() {
  const { me, tenant, switchTenant } = useSession();
  if (me.role !== 'provider-admin') return null;
  return (
    <div className="tenant-switcher">
      <label htmlFor="tenant-switcher">Tenant</label>
      <select id="tenant-switcher" value={tenant} onChange={(e) => switchTenant(e.target.value)}>
        {me.tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.id})
          </option>
        ))}
      </select>
    </div>
  );
}
