/**
 * Reads Keptn's slo.yaml (spec_version 1.0) into a QualityGateSlo, filling Keptn's defaults and reporting
 * every problem with its field. Defaults as keptn/keptn lighthouse-service `parseSLO` sets them.
 */
import { parseDocument } from 'yaml';
import type { FieldIssue } from '../../core/errors.js';
import { isAggregateFunction, parseCriterion } from './criteria.js';
import type { CriteriaBlock, QualityGateSlo, SloComparison, SloObjective } from './quality-gate.js';

type Obj = Record<string, unknown>;
type Report = (path: string, message: string) => void;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function oneOf<T extends string>(
  v: unknown,
  allowed: readonly T[],
  fallback: T,
  at: string,
  report: Report,
): T {
  if (v === undefined || v === null || v === '') return fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  report(at, `must be one of ${allowed.join(', ')}`);
  return fallback;
}

/** "90%", "90" or 90 → 90. */
function percentage(v: unknown, at: string, report: Report): number | null {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const n =
    typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim().replace(/%$/, '')) : Number.NaN;
  if (Number.isFinite(n)) return n;
  report(at, 'must be a percentage such as "90%"');
  return null;
}

function readComparison(v: unknown, report: Report): SloComparison {
  // Without a comparison block Keptn compares with the single previous result, any outcome, by average.
  if (v === undefined || v === null) {
    return {
      compareWith: 'single_result',
      includeResultWithScore: 'all',
      numberOfComparisonResults: 1,
      aggregateFunction: 'avg',
    };
  }
  if (!isObj(v)) {
    report('/comparison', 'must be a mapping');
    return readComparison(undefined, report);
  }
  const n = v.number_of_comparison_results;
  let count = 3;
  if (n !== undefined && n !== null && n !== 0) {
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) count = n;
    else report('/comparison/number_of_comparison_results', 'must be a positive integer');
  }
  const fn = v.aggregate_function ?? 'avg';
  if (typeof fn !== 'string' || !isAggregateFunction(fn)) {
    report('/comparison/aggregate_function', 'must be avg or a percentile such as p50, p90, p95');
  }
  return {
    compareWith: oneOf(
      v.compare_with,
      ['single_result', 'several_results'],
      'single_result',
      '/comparison/compare_with',
      report,
    ),
    includeResultWithScore: oneOf(
      v.include_result_with_score,
      ['all', 'pass', 'pass_or_warn'],
      'all',
      '/comparison/include_result_with_score',
      report,
    ),
    numberOfComparisonResults: count,
    aggregateFunction: typeof fn === 'string' && isAggregateFunction(fn) ? fn : 'avg',
  };
}

function readBlocks(v: unknown, at: string, report: Report): CriteriaBlock[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    report(at, 'must be a list of {criteria: [...]} blocks');
    return [];
  }
  return v.flatMap((block, i) => {
    const criteria = isObj(block) ? block.criteria : undefined;
    if (!Array.isArray(criteria)) {
      report(`${at}/${i}/criteria`, 'must be a list of criteria strings');
      return [];
    }
    const texts: string[] = [];
    criteria.forEach((c, j) => {
      const parsed = typeof c === 'string' ? parseCriterion(c) : { error: 'must be a string such as "<600"' };
      if ('error' in parsed) report(`${at}/${i}/criteria/${j}`, parsed.error);
      else texts.push(c as string);
    });
    return [{ criteria: texts }];
  });
}

function readObjective(v: unknown, i: number, report: Report): SloObjective | null {
  const at = `/objectives/${i}`;
  if (!isObj(v)) {
    report(at, 'must be a mapping');
    return null;
  }
  if (typeof v.sli !== 'string' || v.sli === '') report(`${at}/sli`, 'is required');
  let weight = 1;
  if (v.weight !== undefined && v.weight !== null && v.weight !== 0) {
    if (typeof v.weight === 'number' && Number.isInteger(v.weight) && v.weight > 0) weight = v.weight;
    else report(`${at}/weight`, 'must be a positive integer');
  }
  if (v.key_sli !== undefined && typeof v.key_sli !== 'boolean')
    report(`${at}/key_sli`, 'must be true or false');
  if (v.displayName !== undefined && typeof v.displayName !== 'string')
    report(`${at}/displayName`, 'must be a string');
  return {
    sli: typeof v.sli === 'string' ? v.sli : '',
    ...(typeof v.displayName === 'string' ? { displayName: v.displayName } : {}),
    pass: readBlocks(v.pass, `${at}/pass`, report),
    warning: readBlocks(v.warning, `${at}/warning`, report),
    weight,
    keySli: v.key_sli === true,
  };
}

/** Parses slo.yaml text; `slo` is null whenever `issues` is not empty. */
export function parseSloYaml(text: string): { slo: QualityGateSlo | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  const doc = parseDocument(text, { version: '1.2', schema: 'core' });
  for (const e of doc.errors) {
    const at = e.linePos?.[0];
    report(
      '/',
      `malformed YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${e.message.split('\n')[0]}`,
    );
  }
  if (issues.length > 0) return { slo: null, issues };
  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isObj(root)) return { slo: null, issues: [{ path: '/', message: 'must be a mapping' }] };
  // Keptn reads 0.1.x files the same way; an unquoted 1.0 is the number 1.
  const version = root.spec_version;
  if (!['1.0', '1', '0.1.0', '0.1.1'].includes(String(version))) report('/spec_version', 'must be "1.0"');
  const filter: Record<string, string> = {};
  if (root.filter !== undefined && root.filter !== null) {
    if (!isObj(root.filter)) report('/filter', 'must be a mapping of names to values');
    else
      for (const [k, val] of Object.entries(root.filter)) {
        if (typeof val === 'string' || typeof val === 'number') filter[k] = String(val);
        else report(`/filter/${k}`, 'must be a string');
      }
  }
  const comparison = readComparison(root.comparison, report);
  const list = root.objectives ?? [];
  if (!Array.isArray(list)) report('/objectives', 'must be a list');
  const objectives = (Array.isArray(list) ? list : [])
    .map((o, i) => readObjective(o, i, report))
    .filter((o): o is SloObjective => o !== null);
  const total = isObj(root.total_score) ? root.total_score : {};
  if (root.total_score !== undefined && !isObj(root.total_score)) report('/total_score', 'must be a mapping');
  const pass = percentage(total.pass, '/total_score/pass', report);
  const warning = percentage(total.warning, '/total_score/warning', report);
  // Keptn fails an evaluation without a pass target only when some objective is scored.
  if (
    pass === null &&
    objectives.some((o) => o.pass.length > 0) &&
    !issues.some((x) => x.path === '/total_score/pass')
  ) {
    report('/total_score/pass', 'is required when an objective has pass criteria');
  }
  if (issues.length > 0) return { slo: null, issues };
  return { slo: { filter, comparison, objectives, totalScore: { pass: pass ?? 100, warning } }, issues };
}
