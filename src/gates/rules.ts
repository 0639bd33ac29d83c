import { activeWindows, describeWindow } from './freeze.js';
import { type Policy, type Rule, ruleNames } from './policy-model.js';
import { type RiskInput, riskScore } from './risk.js';
import { clockMinutes, wallClock } from './zoned-time.js';

/** What the rules read, loaded once per evaluation (facts.ts); rules themselves are pure. */
export interface GateFacts {
  service: string;
  environment: string;
  sha: string | null;
  now: number;
  timeZone: string;
  /** latest run per name of the sha (pipelines, builds, tasks, checks, test suites) */
  runs: { name: string; category: string; status: string }[];
  /** every SLO objective of the service with its remaining budget (null: not measurable yet) */
  budgets: { slo: string; objective: number; remainingFraction: number | null }[];
  /** unresolved incidents on the service and everything it depends on */
  incidents: { id: string; service: string; severity: string | null; title: string | null }[];
  risk: Omit<RiskInput, 'outsideWorkingHours'>;
}

export type Outcome = 'reject' | 'manual';

export interface RuleResult {
  rule: string;
  type: Rule['type'];
  outcome: Outcome;
  passed: boolean;
  values: Record<string, unknown>;
  threshold: Record<string, unknown>;
  message: string;
}

export const pct = (f: number) => `${Number((f * 100).toFixed(1))} %`;
const short = (sha: string | null) => (sha ? sha.slice(0, 7) : 'unknown sha');

/** sev1 → 1 … sev9 → 9; anything else is not ranked and does not block. */
export function severityRank(s: string | null): number | null {
  const m = /^sev\s*-?([1-9])$/i.exec(s?.trim() ?? '') ?? /^p([0-9])$/i.exec(s?.trim() ?? '');
  if (!m) return null;
  return s!.trim().toLowerCase().startsWith('p') ? Number(m[1]) + 1 : Number(m[1]);
}

function globRegex(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

type Eval<R extends Rule> = (rule: R, f: GateFacts) => Omit<RuleResult, 'rule' | 'type'>;

const requiredChecks: Eval<Extract<Rule, { type: 'required-checks' }>> = (rule, f) => {
  const missing: string[] = [];
  const failing: { pattern: string; name: string; status: string }[] = [];
  const passed: string[] = [];
  for (const pattern of rule.required) {
    const re = globRegex(pattern);
    const hits = f.runs.filter((r) => re.test(r.name));
    if (hits.length === 0) missing.push(pattern);
    for (const h of hits) {
      if (h.status === 'success') passed.push(h.name);
      else failing.push({ pattern, name: h.name, status: h.status });
    }
  }
  const ok = f.sha !== null && missing.length === 0 && failing.length === 0;
  const problems = [...failing.map((x) => `${x.name} ${x.status}`), ...missing.map((m) => `${m} missing`)];
  return {
    outcome: rule.outcome,
    passed: ok,
    values: { sha: f.sha, passed, failing, missing },
    threshold: { required: rule.required },
    message:
      f.sha === null
        ? `required checks cannot be verified: no commit sha known for ${f.service}`
        : ok
          ? `required checks passed for ${short(f.sha)}: ${passed.join(', ')}`
          : `required checks not passed for ${short(f.sha)}: ${problems.join(', ')}`,
  };
};

const errorBudget: Eval<Extract<Rule, { type: 'error-budget' }>> = (rule, f) => {
  const known = f.budgets.filter((b) => b.remainingFraction !== null);
  const lowest = known.reduce<(typeof known)[number] | undefined>(
    (m, b) => (m === undefined || b.remainingFraction! < m.remainingFraction! ? b : m),
    undefined,
  );
  const ok = lowest === undefined || lowest.remainingFraction! >= rule.minRemaining;
  const where = `for ${f.service} in ${f.environment}`;
  return {
    outcome: rule.outcome,
    passed: ok,
    values: { lowest: lowest?.remainingFraction ?? null, slo: lowest?.slo ?? null, budgets: f.budgets },
    threshold: { minRemaining: rule.minRemaining },
    message:
      lowest === undefined
        ? `no measured error budget ${where} (${f.budgets.length} SLO objective(s))`
        : ok
          ? `error budget ${pct(lowest.remainingFraction!)} ≥ ${pct(rule.minRemaining)} required ${where}`
          : `error budget ${pct(lowest.remainingFraction!)} < ${pct(rule.minRemaining)} required ${where} (SLO ${lowest.slo})`,
  };
};

const openIncidents: Eval<Extract<Rule, { type: 'open-incidents' }>> = (rule, f) => {
  const max = severityRank(rule.severity)!;
  const blocking = f.incidents.filter((i) => {
    const rank = severityRank(i.severity);
    return rank !== null && rank <= max && (rule.includeDependencies || i.service === f.service);
  });
  const describe = (i: (typeof blocking)[number]) =>
    `${i.severity} ${i.id} on ${i.service}${i.service === f.service ? '' : ` (a dependency of ${f.service})`}`;
  return {
    outcome: rule.outcome,
    passed: blocking.length === 0,
    values: { blocking, open: f.incidents.length },
    threshold: { severity: rule.severity, includeDependencies: rule.includeDependencies },
    message:
      blocking.length === 0
        ? `no open incident of ${rule.severity} or worse on ${f.service}${rule.includeDependencies ? ' or its dependencies' : ''}`
        : `open incident ${blocking.map(describe).join(', ')}`,
  };
};

const freeze: Eval<Extract<Rule, { type: 'freeze' }>> = (rule, f) => {
  const active = activeWindows(rule.windows, f.now, f.timeZone);
  return {
    outcome: rule.outcome,
    passed: active.length === 0,
    values: { at: new Date(f.now).toISOString(), timeZone: f.timeZone, active: active.map(describeWindow) },
    threshold: { windows: rule.windows.map(describeWindow) },
    message:
      active.length === 0
        ? `no freeze window in force (${f.timeZone})`
        : `freeze in force for ${f.environment}: ${active.map(describeWindow).join('; ')}`,
  };
};

const changeRisk: Eval<Extract<Rule, { type: 'change-risk' }>> = (rule, f) => {
  const local = wallClock(f.now, f.timeZone);
  const wh = rule.workingHours;
  const inside =
    wh.days.includes(local.weekday) &&
    local.minutes >= clockMinutes(wh.from) &&
    local.minutes < clockMinutes(wh.to);
  const { score, parts } = riskScore({ ...f.risk, outsideWorkingHours: !inside }, rule);
  const outcome: Outcome = score > rule.rejectAbove ? 'reject' : 'manual';
  const passed = score <= rule.manualAbove;
  const detail = `size ${parts.size}, staleness ${parts.staleness}, failures ${parts.failures}, timing ${parts.timing}`;
  return {
    outcome,
    passed,
    values: { score, parts, ...f.risk, outsideWorkingHours: !inside },
    threshold: { manualAbove: rule.manualAbove, rejectAbove: rule.rejectAbove },
    message: passed
      ? `change risk ${score} ≤ ${rule.manualAbove} (${detail})`
      : outcome === 'reject'
        ? `change risk ${score} > ${rule.rejectAbove} (${detail})`
        : `change risk ${score} > ${rule.manualAbove} needs manual approval (${detail})`,
  };
};

function evaluateRule(rule: Rule, f: GateFacts): Omit<RuleResult, 'rule' | 'type'> {
  switch (rule.type) {
    case 'required-checks':
      return requiredChecks(rule, f);
    case 'error-budget':
      return errorBudget(rule, f);
    case 'open-incidents':
      return openIncidents(rule, f);
    case 'freeze':
      return freeze(rule, f);
    case 'change-risk':
      return changeRisk(rule, f);
  }
}

export function evaluateRules(policy: Policy, facts: GateFacts): RuleResult[] {
  const names = ruleNames(policy.rules);
  return policy.rules.map((rule, i) => ({ rule: names[i]!, type: rule.type, ...evaluateRule(rule, facts) }));
}

export type ChangeType = 'standard' | 'normal' | 'emergency';
export type Decision = 'approved' | 'rejected' | 'pending';

/**
 * ITSM change types: a normal change takes every outcome as written; a standard change is
 * pre-approved, so rules whose outcome is manual approval are reported but do not hold it; an
 * emergency change bypasses the gate (with a reason and a follow-up review) — every rule is still
 * evaluated and recorded.
 */
export function decide(
  results: readonly RuleResult[],
  ctx: { changeType: ChangeType; service: string; environment: string; owner: string | null },
): { decision: Decision; bypass: boolean; summary: string } {
  const where = `${ctx.service} in ${ctx.environment}`;
  const failed = results.filter((r) => !r.passed);
  const rejecting = failed.filter((r) => r.outcome === 'reject');
  const manual = failed.filter((r) => r.outcome === 'manual');
  const list = (rs: readonly RuleResult[]) => rs.map((r) => r.message).join('; ');
  if (ctx.changeType === 'emergency') {
    return {
      decision: 'approved',
      bypass: true,
      summary: failed.length
        ? `approved as an emergency change for ${where}, bypassing: ${list(failed)}`
        : `approved as an emergency change for ${where}; every rule passed`,
    };
  }
  if (rejecting.length)
    return { decision: 'rejected', bypass: false, summary: `rejected: ${list(rejecting)}` };
  if (manual.length && ctx.changeType === 'normal') {
    const who = ctx.owner ? `team ${ctx.owner}` : 'the owning team';
    return {
      decision: 'pending',
      bypass: false,
      summary: `pending: approval by ${who} needed for ${where}: ${list(manual)}`,
    };
  }
  if (manual.length) {
    return {
      decision: 'approved',
      bypass: false,
      summary: `approved as a pre-approved standard change for ${where} despite: ${list(manual)}`,
    };
  }
  return {
    decision: 'approved',
    bypass: false,
    summary: results.length
      ? `approved: all ${results.length} rule(s) passed for ${where}`
      : `approved: no rule applies to ${where}`,
  };
}
