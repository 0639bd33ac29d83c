/**
 * Keptn v1 quality-gate evaluation and scoring, as keptn/keptn lighthouse-service does it
 * (`evaluateObjectives` and `calculateScore` in event_handler/evaluate_sli_handler.go).
 */
import { aggregate, type Criterion, criterionTarget, meets, parseCriterion } from './criteria.js';

export type GateResult = 'pass' | 'warning' | 'fail';
export type ObjectiveStatus = GateResult | 'info';

export interface CriteriaBlock {
  /** ANDed; the blocks of one objective are ORed. */
  criteria: readonly string[];
}

export interface SloObjective {
  sli: string;
  displayName?: string;
  /** No pass blocks makes the objective informational: evaluated, scored 0, not counted. */
  pass: readonly CriteriaBlock[];
  warning: readonly CriteriaBlock[];
  /** Already defaulted: Keptn turns 0 into 1. */
  weight: number;
  keySli: boolean;
}

export interface SloComparison {
  compareWith: 'single_result' | 'several_results';
  includeResultWithScore: 'all' | 'pass' | 'pass_or_warn';
  numberOfComparisonResults: number;
  aggregateFunction: string;
}

export interface QualityGateSlo {
  filter: Readonly<Record<string, string>>;
  comparison: SloComparison;
  objectives: readonly SloObjective[];
  /** Percentages; warning null when the file sets none. */
  totalScore: { pass: number; warning: number | null };
}

/** SLI values of this evaluation; a missing, null or NaN value is "no value from the SLI provider". */
export type SliValues = Readonly<Record<string, number | null | undefined>>;

/** A previous evaluation of the same service and stage, newest first. */
export interface PreviousEvaluation {
  result: GateResult;
  values: SliValues;
}

export interface TargetResult {
  criteria: string;
  /** The value compared with; null for a relative criterion without history. */
  targetValue: number | null;
  violated: boolean;
}

export interface ObjectiveResult {
  sli: string;
  displayName: string;
  value: number | null;
  /** The aggregate of previous values relative criteria compare with. */
  comparedValue: number | null;
  status: ObjectiveStatus;
  score: number;
  weight: number;
  keySli: boolean;
  passTargets: TargetResult[];
  warningTargets: TargetResult[];
}

export interface QualityGateEvaluation {
  result: GateResult;
  /** Percentage of the counted weights achieved. */
  score: number;
  keySliFailed: boolean;
  objectives: ObjectiveResult[];
}

function present(v: number | null | undefined): v is number {
  return typeof v === 'number' && !Number.isNaN(v);
}

/** The previous evaluations a comparison uses: the newest N whose result it includes (Keptn `getPreviousEvaluations`). */
export function comparedEvaluations(
  comparison: SloComparison,
  history: readonly PreviousEvaluation[],
): PreviousEvaluation[] {
  const n = comparison.compareWith === 'single_result' ? 1 : comparison.numberOfComparisonResults;
  const included = history.filter((e) =>
    comparison.includeResultWithScore === 'pass'
      ? e.result === 'pass'
      : comparison.includeResultWithScore === 'pass_or_warn'
        ? e.result !== 'fail'
        : true,
  );
  return included.slice(0, n);
}

function evaluateBlocks(
  blocks: readonly CriteriaBlock[],
  value: number | null,
  compared: number | null,
): { satisfied: boolean; targets: TargetResult[] } {
  let satisfied = false;
  const targets: TargetResult[] = [];
  for (const block of blocks) {
    let all = true;
    for (const text of block.criteria) {
      const parsed = parseCriterion(text);
      const criterion: Criterion | null = 'error' in parsed ? null : parsed;
      const targetValue = criterion ? criterionTarget(criterion, compared) : null;
      // No value or an unparsable criterion violates; a relative criterion without history is met.
      const ok =
        criterion !== null &&
        value !== null &&
        (targetValue === null ? true : meets(value, criterion.operator, targetValue));
      if (!ok) all = false;
      targets.push({ criteria: text, targetValue, violated: !ok });
    }
    // Every block is evaluated so that all violations are reported.
    if (all) satisfied = true;
  }
  return { satisfied, targets };
}

function evaluateObjective(
  objective: SloObjective,
  values: SliValues,
  previous: readonly PreviousEvaluation[],
  aggregateFunction: string,
): ObjectiveResult {
  const raw = values[objective.sli];
  const value = present(raw) ? raw : null;
  const history = previous.map((e) => e.values[objective.sli]).filter(present);
  const comparedValue = aggregate(history, aggregateFunction);
  const informational = objective.pass.length === 0;
  const pass = evaluateBlocks(objective.pass, value, comparedValue);
  const warn = evaluateBlocks(objective.warning, value, comparedValue);
  const passed = informational || pass.satisfied;
  const warned = objective.warning.length > 0 && warn.satisfied;
  let status: ObjectiveStatus;
  let score = 0;
  if (informational) status = 'info';
  else if (passed) {
    status = 'pass';
    score = objective.weight;
  } else if (warned) {
    status = 'warning';
    score = 0.5 * objective.weight;
  } else status = 'fail';
  return {
    sli: objective.sli,
    displayName: objective.displayName ?? objective.sli,
    value,
    comparedValue,
    status,
    score,
    weight: objective.weight,
    keySli: objective.keySli,
    passTargets: pass.targets,
    warningTargets: warn.targets,
  };
}

/** Evaluates every objective, then scores: pass = weight, warning = half, key objective failure fails all. */
export function evaluateQualityGate(
  slo: QualityGateSlo,
  values: SliValues,
  history: readonly PreviousEvaluation[] = [],
): QualityGateEvaluation {
  const previous = comparedEvaluations(slo.comparison, history);
  const objectives = slo.objectives.map((o) =>
    evaluateObjective(o, values, previous, slo.comparison.aggregateFunction),
  );
  const keySliFailed = objectives.some((o) => o.keySli && o.status === 'fail');
  const maximum = slo.objectives.reduce((sum, o) => sum + (o.pass.length > 0 ? o.weight : 0), 0);
  if (maximum === 0) return { result: 'pass', score: 100, keySliFailed, objectives };
  const achieved = objectives.reduce((sum, o) => sum + o.score, 0);
  // Same expression as Keptn so that borderline scores round the same way.
  const score = 100.0 * (achieved / maximum);
  const { pass, warning } = slo.totalScore;
  let result: GateResult = 'fail';
  if (score >= pass && !keySliFailed) result = 'pass';
  else if (warning !== null && !keySliFailed && score >= warning) result = 'warning';
  return { result, score, keySliFailed, objectives };
}
