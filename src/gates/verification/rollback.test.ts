import { describe, expect, it } from 'vitest';
import { type DeploymentSummary, recommendRollback } from './rollback.js';

const d = (
  id: string,
  sha: string,
  hour: number,
  rest: Partial<DeploymentSummary> = {},
): DeploymentSummary => ({
  id,
  sha,
  finishedAt: `2026-03-02T${String(hour).padStart(2, '0')}:00:00Z`,
  status: 'success',
  verification: 'pass',
  ...rest,
});

describe('recommendRollback', () => {
  const deployments = [
    d('d1', 'aaaaaaaaaaaaaaaa', 8),
    d('d2', 'bbbbbbbbbbbbbbbb', 9, { verification: 'fail' }),
    d('d3', 'cccccccccccccccc', 10, { status: 'failure', verification: null }),
    d('d4', 'dddddddddddddddd', 11, { verification: null }),
    d('d5', 'eeeeeeeeeeeeeeee', 12, { verification: 'fail' }),
  ];

  it('picks the latest earlier deployment that succeeded and did not fail verification', () => {
    const r = recommendRollback([...deployments].reverse());
    expect(r.from?.id).toBe('d5');
    expect(r.target?.id).toBe('d4');
    expect(r.reason).toBe(
      'roll back to dddddddddddd (deployment d4, 2026-03-02T11:00:00Z): the latest earlier deployment that succeeded (not verified)',
    );
  });

  it('skips failed deployments, failed verifications and the same sha', () => {
    const sameSha = deployments.map((x) => (x.id === 'd4' ? { ...x, sha: 'eeeeeeeeeeeeeeee' } : x));
    const r = recommendRollback(sameSha);
    expect(r.target?.id).toBe('d1');
    expect(r.reason).toMatch(/passed verification; 3 more recent deployments skipped$/);
  });

  it('rolls back a named deployment', () => {
    expect(recommendRollback(deployments, 'd2').target?.id).toBe('d1');
  });

  it('says when there is nothing to roll back to', () => {
    expect(recommendRollback(deployments, 'd1')).toMatchObject({
      target: null,
      reason: 'no earlier successful deployment with a different sha than aaaaaaaaaaaaaaaa',
    });
    expect(recommendRollback([], 'zz')).toMatchObject({
      from: null,
      target: null,
      reason: 'deployment zz is unknown',
    });
  });
});
