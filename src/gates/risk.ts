/**
 * Change risk, 0–100, as the sum of four capped parts (documented in the policy reference):
 *   size      = 40 × min(1, commits ÷ sizeCommits)     commits shipped since the last deployment
 *                                                      of the service to the environment; 0 when unknown
 *   staleness = 20 × min(1, days since that deployment ÷ staleDays); 20 when there was none
 *   failures  = 25 × min(1, change fail rate ÷ 0.30)    last 30 days, from measures; 0 without data
 *   timing    = 15 when outside working hours in the policy's zone, else 0
 * 30 % change fail rate is where DORA's 2021 "low" level starts (REFERENCE.md), so it scores fully.
 */
export interface RiskInput {
  commits: number | null;
  daysSinceLastDeployment: number | null;
  changeFailRate: number | null;
  outsideWorkingHours: boolean;
}

export interface RiskParams {
  sizeCommits: number;
  staleDays: number;
}

export interface RiskScore {
  score: number;
  parts: { size: number; staleness: number; failures: number; timing: number };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function riskScore(input: RiskInput, params: RiskParams): RiskScore {
  const size = input.commits === null ? 0 : 40 * Math.min(1, input.commits / params.sizeCommits);
  const staleness =
    input.daysSinceLastDeployment === null
      ? 20
      : 20 * Math.min(1, input.daysSinceLastDeployment / params.staleDays);
  const failures = input.changeFailRate === null ? 0 : 25 * Math.min(1, input.changeFailRate / 0.3);
  const timing = input.outsideWorkingHours ? 15 : 0;
  return {
    score: round(size + staleness + failures + timing),
    parts: { size: round(size), staleness: round(staleness), failures: round(failures), timing },
  };
}
