import { providerTenantId } from '../access/roles.js';
import type { Clock } from '../core/clock.js';
import type { Store } from '../store/database.js';

/**
 * A lease is a row that names the one process allowed to run a piece of background work until it
 * expires. Taking it is a single atomic upsert on both engines, so any number of server processes
 * on one database agree on the holder without talking to each other.
 */
export async function tryAcquireLease(opts: {
  store: Store;
  clock: Clock;
  name: string;
  holder: string;
  ttlMs: number;
}): Promise<boolean> {
  const now = opts.clock.now();
  const db = opts.store.forTenant(providerTenantId);
  const row = await db
    .insertInto('leases')
    .values({ name: opts.name, holder: opts.holder, expires_at: now + opts.ttlMs })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'name'])
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          expires_at: eb.ref('excluded.expires_at'),
        }))
        .where((eb) => eb.or([eb('leases.expires_at', '<', now), eb('leases.holder', '=', opts.holder)])),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === opts.holder;
}

export async function releaseLease(opts: { store: Store; name: string; holder: string }): Promise<void> {
  await opts.store
    .forTenant(providerTenantId)
    .deleteFrom('leases')
    .where('name', '=', opts.name)
    .where('holder', '=', opts.holder)
    .execute();
}

export async function leaseHolder(store: Store, name: string): Promise<string | undefined> {
  const row = await store
    .forTenant(providerTenantId)
    .selectFrom('leases')
    .select(['holder', 'expires_at'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.holder;
}
