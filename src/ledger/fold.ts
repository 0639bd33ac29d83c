import type { ChangeFact, DeploymentFact, IncidentFact, PipelineRunFact, TestRunFact } from './facts.js';

/**
 * An entity (deployment, run, change, incident) is told about by several events: started, then
 * finished; opened, then merged. Its state is a fold over every fact about it, in the order the
 * facts *occurred* — so the result is the same whatever order they *arrived* in.
 */
export interface Timed<F> {
  occurredAt: number;
  /** tie-break for facts that occurred at the same millisecond: source, event id, index */
  order: string;
  fact: F;
}

export function byOccurrence<F>(a: Timed<F>, b: Timed<F>): number {
  return a.occurredAt - b.occurredAt || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);
}

/** The later fact's defined fields win; times that mark a beginning keep the earliest seen. */
function foldWith<F extends object>(
  facts: readonly Timed<F>[],
  earliest: readonly (keyof F)[],
): F & { asOf: number } {
  const sorted = [...facts].sort(byOccurrence);
  const out: Record<string, unknown> = {};
  for (const { fact } of sorted) {
    for (const [k, v] of Object.entries(fact)) {
      if (v === undefined || v === null) continue;
      if (earliest.includes(k as keyof F) && typeof out[k] === 'number')
        out[k] = Math.min(out[k] as number, v as number);
      else if (Array.isArray(v) && Array.isArray(out[k]))
        out[k] = [...new Set([...(out[k] as unknown[]), ...v])].sort();
      else out[k] = v;
    }
  }
  return { ...(out as F), asOf: sorted.at(-1)?.occurredAt ?? 0 };
}

export function foldDeployment(facts: readonly Timed<DeploymentFact>[]) {
  return foldWith(facts, ['startedAt']);
}

export function foldRun<F extends PipelineRunFact | TestRunFact>(facts: readonly Timed<F>[]) {
  return foldWith(facts, ['startedAt']);
}

export function foldChange(facts: readonly Timed<ChangeFact>[]) {
  return foldWith(facts, ['openedAt', 'firstCommitAt', 'firstReviewAt']);
}

export function foldIncident(facts: readonly Timed<IncidentFact>[]) {
  const folded = foldWith(facts, ['detectedAt']);
  // Detection is the earliest report; the incident is resolved only if the latest word says so.
  return folded;
}
