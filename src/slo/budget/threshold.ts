/** OpenSLO objective comparison operators for threshold SLIs. */
export type Op = 'lt' | 'lte' | 'gt' | 'gte';

/** Whether one sample meets the objective (`op` `value`), e.g. latency lt 500. */
export function meets(sample: number, op: Op, value: number): boolean {
  switch (op) {
    case 'lt':
      return sample < value;
    case 'lte':
      return sample <= value;
    case 'gt':
      return sample > value;
    case 'gte':
      return sample >= value;
  }
}

/** A threshold SLI's samples in one minute as the counts the budget needs: meeting, and all. */
export function thresholdCounts(
  t: number,
  samples: readonly number[],
  objective: { op: Op; value: number },
): { t: number; good: number; total: number } {
  const good = samples.filter((s) => meets(s, objective.op, objective.value)).length;
  return { t, good, total: samples.length };
}
