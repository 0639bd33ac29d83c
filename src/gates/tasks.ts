import type { AppDeps } from '../http/deps.js';
import type { PeriodicTask } from '../jobs/scheduler.js';
import { expireDue } from './decision-store.js';
import { processProtectionRules } from './github.js';

/** Expires pending decisions and answers GitHub protection rules, for every customer tenant. */
export function gatesTasks(deps: AppDeps): PeriodicTask[] {
  return [
    {
      name: 'gates.decisions',
      everyMs: 5_000,
      async run() {
        const tenants = await deps.store.system
          .selectFrom('tenants')
          .select('tenant_id')
          .where('kind', '=', 'customer')
          .execute();
        for (const t of tenants) {
          const db = deps.store.forTenant(t.tenant_id);
          await expireDue(db, deps.clock.now());
          await processProtectionRules(db, deps.clock.now());
        }
      },
    },
  ];
}
