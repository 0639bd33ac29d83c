/**
 * Synthetic ledger rows for the measures benchmark: what derivation would have written for a
 * tenant's services over a year (deployments with their predecessor and state, the commits each
 * shipped, incidents linked to deployments, rollbacks and hotfixes). Deterministic: a service's
 * rows depend only on its number, so every engine and every pass gets the same data.
 */

export const tenant = 'bench';
const dayMs = 86_400_000;

export interface Scale {
  services: number;
  days: number;
  /** first day of the data, UTC midnight */
  start: number;
}

/** A small seeded generator (mulberry32): fast and reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const deploymentColumns = [
  'tenant_id',
  'deployment_id',
  'run_id',
  'service',
  'repo',
  'environment',
  'version',
  'sha',
  'ref',
  'status',
  'started_at',
  'finished_at',
  'intent',
  'description',
  'url',
  'source',
  'as_of',
  'kind',
  'previous_id',
  'derive_state',
  'dirty_gen',
  'shipped_count',
  'changed_at',
] as const;
export const changeColumns = [
  'tenant_id',
  'deployment_id',
  'sha',
  'repo',
  'authored_at',
  'committed_at',
  'work_items',
] as const;
export const incidentColumns = [
  'tenant_id',
  'incident_id',
  'service',
  'repo',
  'environment',
  'title',
  'severity',
  'status',
  'detected_at',
  'resolved_at',
  'url',
  'deployment_id',
  'source',
  'as_of',
  'changed_at',
] as const;

export type Row = (string | number | null)[];

export function serviceName(n: number): string {
  return `svc-${String(n).padStart(4, '0')}`;
}

/** Derivation lands a few seconds after the deployment finishes: rows change in time order. */
const deriveLagMs = 5_000;

/** The rows of one service (columns as above). About 3 deployments a day, 3 commits each, 1 incident a week. */
export function serviceRows(
  n: number,
  scale: Scale,
): { deployments: Row[]; changes: Row[]; incidents: Row[] } {
  const rnd = random(n * 7919 + 17);
  const service = serviceName(n);
  const repo = `https://git.example.com/bench/${service}`;
  const busy = 0.5 + rnd() * 5; // mean deployments a day, 0.5–5.5
  const deployments: Row[] = [];
  const changes: Row[] = [];
  const incidents: Row[] = [];
  const successes: { id: string; finishedAt: number }[] = [];
  let previous: string | null = null;
  let seq = 0;
  let shaSeq = n * 10_000_000;
  const sha = () => (shaSeq++).toString(16).padStart(40, '0');
  for (let day = 0; day < scale.days; day++) {
    const count = Math.floor(busy + rnd() * (rnd() < 0.5 ? 1 : -1) + 0.5);
    const times: number[] = [];
    for (let i = 0; i < count; i++) times.push(scale.start + day * dayMs + Math.floor(rnd() * dayMs));
    times.sort((a, b) => a - b);
    for (const finishedAt of times) {
      const id = `${service}-${seq++}`;
      const changedAt = finishedAt + deriveLagMs;
      if (rnd() < 0.01) {
        // A failed run: never counted, never a predecessor.
        deployments.push([
          ...[tenant, id, null, service, repo, 'production', null, sha(), null, 'failure'],
          ...[finishedAt - 300_000, finishedAt, 'deploy', null, null, 'bench', finishedAt],
          ...[null, null, 'not-success', 0, null, changedAt],
        ]);
        continue;
      }
      const r = rnd();
      const kind = previous && r < 0.02 ? 'rollback' : previous && r < 0.05 ? 'hotfix' : 'planned';
      const state = previous ? 'ok' : 'first';
      const shipped =
        state !== 'ok' || kind === 'rollback' ? 0 : kind === 'hotfix' ? 1 : 1 + Math.floor(rnd() * 5);
      const headSha = sha();
      for (let c = 0; c < shipped; c++) {
        // Lead times from minutes to two weeks (log-uniform); now and then a clock skewed into the future.
        const lead = rnd() < 0.002 ? -Math.floor(rnd() * 600_000) : Math.floor(600_000 * 2016 ** rnd());
        const authoredAt = Math.floor((finishedAt - lead) / 1000) * 1000;
        const committedAt = Math.min(authoredAt + Math.floor(rnd() * 3_600_000), finishedAt - 1000);
        changes.push([tenant, id, c === 0 ? headSha : sha(), repo, authoredAt, committedAt, '[]']);
      }
      deployments.push([
        ...[tenant, id, null, service, repo, 'production', null, headSha, null, 'success'],
        ...[finishedAt - 300_000, finishedAt, 'deploy', null, null, 'bench', finishedAt],
        ...[kind, previous, state, 0, state === 'ok' ? shipped : null, changedAt],
      ]);
      successes.push({ id, finishedAt });
      previous = id;
    }
  }
  // About one incident a week, each naming the deployment that caused it.
  const weeks = Math.max(1, Math.round((scale.days / 7) * (0.5 + rnd())));
  for (let i = 0; i < weeks && successes.length > 0; i++) {
    const d = successes[Math.floor(rnd() * successes.length)]!;
    const detectedAt = d.finishedAt + Math.floor(rnd() * 6 * 3_600_000);
    const resolvedAt = rnd() < 0.05 ? null : detectedAt + Math.floor(600_000 * 288 ** rnd());
    incidents.push([
      ...[tenant, `${service}-inc-${i}`, service, null, 'production', null, 'sev2'],
      ...[resolvedAt ? 'resolved' : 'open', detectedAt, resolvedAt, null, d.id, 'bench'],
      ...[detectedAt, detectedAt + deriveLagMs],
    ]);
  }
  return { deployments, changes, incidents };
}
