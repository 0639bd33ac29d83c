import type { TenantDb } from '../store/database.js';

/** Per SLI name, the time before which every step has been pulled (see `pullOnce`'s lastPulled). */
export async function readPullPositions(db: TenantDb): Promise<Record<string, number>> {
  const rows = await db.selectFrom('slo_pull_positions').select(['sli', 'pulled_until']).execute();
  return Object.fromEntries(rows.map((r) => [r.sli, Number(r.pulled_until)]));
}

/** Saves the positions that changed; `forget` drops those of SLIs that no longer exist. */
export async function savePullPositions(
  db: TenantDb,
  opts: {
    before: Readonly<Record<string, number>>;
    after: Readonly<Record<string, number>>;
    forget: readonly string[];
    now: number;
  },
): Promise<number> {
  const changed = Object.entries(opts.after).filter(([sli, t]) => opts.before[sli] !== t);
  for (const [sli, pulledUntil] of changed) {
    await db
      .insertInto('slo_pull_positions')
      .values({ sli, pulled_until: pulledUntil, updated_at: opts.now })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'sli']).doUpdateSet({ pulled_until: pulledUntil, updated_at: opts.now }),
      )
      .execute();
  }
  if (opts.forget.length > 0)
    await db
      .deleteFrom('slo_pull_positions')
      .where('sli', 'in', [...opts.forget])
      .execute();
  return changed.length;
}
