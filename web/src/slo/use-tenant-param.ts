import { useSession } from '../access/session.js';

/**
 * The tenant for plain links (downloads) that cannot send the tenant header: only a provider-admin
 * acting outside its home tenant needs it, as the API client decides in app.tsx.
 */
export function useTenantParam(): string | undefined {
  const { me, tenant } = useSession();
  return tenant !== me.tenant ? tenant : undefined;
}
