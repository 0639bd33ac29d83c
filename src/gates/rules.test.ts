import { describe, expect, it } from 'vitest';
import { activeWindows } from './freeze.js';
import { type FreezeWindow, policySchema } from './policy-model.js';
import { riskScore } from './risk.js';
import { decide, evaluateRules, type GateFacts, severityRank } from './rules.js';

const facts = (over: Partial<GateFacts> = {}): GateFacts => ({
  service: 'checkout',
  environment: 'production',
  sha: 'a'.repeat(40),
  now: Date.parse('2026-11-04T12:00:00Z'),
  timeZone: 'Europe/Amsterdam',
  runs: [],
  budgets: [],
  incidents: [],
  risk: { commits: null, daysSinceLastDeployment: null, changeFailRate: null },
  ...over,
});
const policy = (rules: unknown[]) => policySchema.parse({ rules });
/** The normalised windows of a freeze rule. */
const windows = (ws: unknown[]): FreezeWindow[] => {
  const rule = policy([{ type: 'freeze', windows: ws }]).rules[0]!;
  return rule.type === 'freeze' ? rule.windows : [];
};

describe('freeze windows', () => {
  const weekend = windows([{ weekly: { days: ['sat', 'sun'] } }]);
  it('weekly windows are read in the time zone: Friday 23:30 UTC is Saturday 00:30 in Amsterdam', () => {
    const t = Date.parse('2026-11-06T23:30:00Z');
    expect(activeWindows(weekend, t, 'Europe/Amsterdam')).toHaveLength(1);
    expect(activeWindows(weekend, t, 'UTC')).toHaveLength(0);
  });
  it('month-end covers the last N local days; one-off windows are [from, to)', () => {
    const [monthEnd, oneOff] = windows([
      { monthEnd: { lastDays: 2 } },
      { from: '2026-12-24T00:00:00+01:00', to: '2026-12-27T00:00:00+01:00' },
    ]) as [FreezeWindow, FreezeWindow];
    const at = (s: string) => Date.parse(s);
    expect(activeWindows([monthEnd], at('2026-11-28T22:59:00Z'), 'Europe/Amsterdam')).toHaveLength(0); // 28th 23:59
    expect(activeWindows([monthEnd], at('2026-11-28T23:00:00Z'), 'Europe/Amsterdam')).toHaveLength(1); // 29th 00:00
    expect(activeWindows([oneOff], at('2026-12-23T23:00:00Z'), 'UTC')).toHaveLength(1);
    expect(activeWindows([oneOff], at('2026-12-26T23:00:00Z'), 'UTC')).toHaveLength(0);
  });
  it('the freeze rule rejects inside a window and names it', () => {
    const p = policy([
      {
        type: 'freeze',
        windows: [{ weekly: { days: ['wed'], from: '12:00', to: '14:00' }, reason: 'release train' }],
      },
    ]);
    const [r] = evaluateRules(p, facts());
    expect(r).toMatchObject({
      passed: false,
      message: 'freeze in force for production: weekly wed 12:00–14:00 (release train)',
    });
    expect(evaluateRules(p, facts({ now: Date.parse('2026-11-04T13:00:00Z') }))[0]!.passed).toBe(true); // 14:00 local
  });
});

describe('change risk', () => {
  it('sums the four parts as documented (hand-computed)', () => {
    // size 40×10/50 = 8; staleness 20×6/30 = 4; failures 25×0.15/0.30 = 12.5; timing 15 → 39.5
    expect(
      riskScore(
        { commits: 10, daysSinceLastDeployment: 6, changeFailRate: 0.15, outsideWorkingHours: true },
        { sizeCommits: 50, staleDays: 30 },
      ),
    ).toEqual({ score: 39.5, parts: { size: 8, staleness: 4, failures: 12.5, timing: 15 } });
    // unknown size 0, never deployed 20, no data 0, inside hours 0; caps at 40 and 25
    expect(
      riskScore(
        { commits: null, daysSinceLastDeployment: null, changeFailRate: null, outsideWorkingHours: false },
        { sizeCommits: 50, staleDays: 30 },
      ).score,
    ).toBe(20);
    expect(
      riskScore(
        { commits: 500, daysSinceLastDeployment: 0, changeFailRate: 0.9, outsideWorkingHours: false },
        { sizeCommits: 50, staleDays: 30 },
      ).score,
    ).toBe(65);
  });
  it('maps the score to pass, manual and reject; working hours in the zone', () => {
    const risk = { commits: 10, daysSinceLastDeployment: 6, changeFailRate: 0.15 };
    const night = facts({ risk, now: Date.parse('2026-11-04T22:00:00Z') }); // 23:00 Amsterdam → 39.5
    const rule = (manualAbove: number, rejectAbove: number) =>
      policy([{ type: 'change-risk', manualAbove, rejectAbove }]);
    expect(evaluateRules(rule(40, 70), night)[0]).toMatchObject({ passed: true, values: { score: 39.5 } });
    expect(evaluateRules(rule(30, 70), night)[0]).toMatchObject({ passed: false, outcome: 'manual' });
    expect(evaluateRules(rule(30, 35), night)[0]).toMatchObject({ passed: false, outcome: 'reject' });
    expect(evaluateRules(rule(30, 35), facts({ risk }))[0]).toMatchObject({
      passed: true,
      values: { score: 24.5 },
    });
  });
});

describe('rules and decisions', () => {
  it('error budget: the lowest measured objective against the threshold', () => {
    const p = policy([{ type: 'error-budget', minRemaining: 10 }]);
    const budgets = [
      { slo: 'availability', objective: 0, remainingFraction: 0.031 },
      { slo: 'latency', objective: 0, remainingFraction: 0.5 },
      { slo: 'new', objective: 0, remainingFraction: null },
    ];
    const [r] = evaluateRules(p, facts({ budgets }));
    expect(r).toMatchObject({ passed: false, values: { lowest: 0.031, slo: 'availability' } });
    expect(
      decide([r!], { changeType: 'normal', service: 'checkout', environment: 'production', owner: null })
        .summary,
    ).toBe('rejected: error budget 3.1 % < 10 % required for checkout in production (SLO availability)');
    expect(
      evaluateRules(p, facts({ budgets: [{ slo: 'a', objective: 0, remainingFraction: 0.1 }] }))[0]!.passed,
    ).toBe(true);
  });
  it('severity ranks sev1 worst; unknown severities do not block', () => {
    expect([severityRank('sev1'), severityRank('SEV-2'), severityRank('p0'), severityRank('major')]).toEqual([
      1,
      2,
      1,
      null,
    ]);
    const p = policy([{ type: 'open-incidents', severity: 'sev2', includeDependencies: false }]);
    const incidents = [
      { id: 'a', service: 'payments-api', severity: 'sev1', title: null },
      { id: 'b', service: 'checkout', severity: 'sev3', title: null },
    ];
    expect(evaluateRules(p, facts({ incidents }))[0]!.passed).toBe(true);
  });
  it('required checks match names and patterns; a sha-less change cannot pass', () => {
    const p = policy([{ type: 'required-checks', required: ['build', 'test-*'] }]);
    const runs = [
      { name: 'build', category: 'pipeline', status: 'success' },
      { name: 'test-unit', category: 'suite', status: 'running' },
    ];
    expect(evaluateRules(p, facts({ runs }))[0]!.message).toBe(
      'required checks not passed for aaaaaaa: test-unit running',
    );
    expect(evaluateRules(p, facts({ runs, sha: null }))[0]!.passed).toBe(false);
  });
});
