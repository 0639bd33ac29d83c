/** A half-open interval [start, end) of epoch milliseconds cut into steps. */
export interface StepRange {
  readonly start: number;
  readonly end: number;
  readonly stepMs: number;
}

/**
 * Cuts [start, end) into consecutive pieces of at most `maxSteps` steps, each starting on a step
 * boundary of the first, so that pieces never overlap and never leave a step out. Both Prometheus'
 * per-series point limit and the puller's bounded writes use it.
 */
export function splitRange(range: StepRange, maxSteps: number): StepRange[] {
  const { start, end, stepMs } = range;
  if (!(stepMs > 0) || !(maxSteps >= 1)) throw new RangeError('stepMs and maxSteps must be positive');
  const span = Math.floor(maxSteps) * stepMs;
  const pieces: StepRange[] = [];
  for (let from = start; from < end; from += span) {
    pieces.push({ start: from, end: Math.min(end, from + span), stepMs });
  }
  return pieces;
}

/** The step boundary at or before `ms` (steps are aligned to the epoch, as Prometheus' are by habit). */
export const alignDown = (ms: number, stepMs: number): number => Math.floor(ms / stepMs) * stepMs;
