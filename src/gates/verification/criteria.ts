/**
 * Keptn v1 criteria strings ("<600", "<=+10%", ">=-5%", "<+50") and the aggregate of previous values
 * they compare with. Semantics follow keptn/keptn lighthouse-service `parseCriteriaString` and
 * `evaluateComparison` (event_handler/evaluate_sli_handler.go).
 */

export type CriterionOperator = '<' | '<=' | '=' | '>=' | '>';

export interface Criterion {
  /** The string as written in slo.yaml. */
  text: string;
  operator: CriterionOperator;
  /** The number without its sign. */
  amount: number;
  /** Relative to the aggregate of previous evaluations (a sign or a % makes it relative, as in Keptn). */
  relative: boolean;
  percent: boolean;
  /** `+` (or a bare %) raises the target, `-` lowers it. */
  increase: boolean;
}

const operators: readonly CriterionOperator[] = ['<=', '<', '=', '>=', '>'];
const numberPattern = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parses one criterion; returns an error message instead when Keptn would reject it. */
export function parseCriterion(text: string): Criterion | { error: string } {
  // Keptn removes blanks before matching.
  let rest = text.replaceAll(' ', '');
  const operator = operators.find((op) => rest.startsWith(op));
  if (!operator) return { error: `"${text}" must start with one of <, <=, =, >=, >` };
  rest = rest.slice(operator.length);
  let percent = false;
  let relative = false;
  let increase = true;
  if (rest.endsWith('%')) {
    // Keptn issue #1498: a criterion with % is always relative, an increase unless it says "-".
    percent = true;
    relative = true;
    rest = rest.slice(0, -1);
  }
  if (rest.startsWith('-') || rest.startsWith('+')) {
    relative = true;
    increase = rest.startsWith('+');
    rest = rest.slice(1);
  }
  if (!numberPattern.test(rest)) return { error: `"${text}" needs a number after the operator` };
  return { text, operator, amount: Number(rest), relative, percent, increase };
}

/** The value a criterion compares with: its number, or the aggregate moved by it (Keptn `evaluateComparison`). */
export function criterionTarget(criterion: Criterion, aggregate: number | null): number | null {
  if (!criterion.relative) return criterion.amount;
  if (aggregate === null) return null;
  const { amount, percent, increase } = criterion;
  if (percent) return increase ? (aggregate * (100 + amount)) / 100 : (aggregate * (100 - amount)) / 100;
  return increase ? aggregate + amount : aggregate - amount;
}

/** Whether the measured value meets the criterion against the given target (Keptn `evaluateValue`). */
export function meets(value: number, operator: CriterionOperator, target: number): boolean {
  switch (operator) {
    case '<':
      return value < target;
    case '<=':
      return value <= target;
    case '=':
      return value === target;
    case '>=':
      return value >= target;
    case '>':
      return value > target;
  }
}

/** `avg`, or `pNN` (Keptn implements p50, p90 and p95; any 1–99 uses the same formula). */
export function isAggregateFunction(name: string): boolean {
  return name === 'avg' || /^p([1-9]\d?)$/.test(name);
}

/** Aggregates previous values; null when there are none (a relative criterion is then satisfied). */
export function aggregate(values: readonly number[], fn: string): number | null {
  if (values.length === 0) return null;
  if (fn === 'avg') return values.reduce((a, b) => a + b, 0) / values.length;
  return keptnPercentile(values, Number(fn.slice(1)) / 100);
}

/** Keptn `calculatePercentile`: position p·(n+1) in the sorted values, linear interpolation, clamped to the ends. */
export function keptnPercentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const pos = p * (n + 1);
  if (pos < 1) return sorted[0]!;
  if (pos >= n) return sorted[n - 1]!;
  const lower = sorted[Math.floor(pos) - 1]!;
  const upper = sorted[Math.floor(pos)]!;
  return lower + (pos - Math.floor(pos)) * (upper - lower);
}
