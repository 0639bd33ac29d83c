import { describe, expect, it } from 'vitest';
import {
  evaluateQualityGate,
  type PreviousEvaluation,
  type QualityGateSlo,
  type SloObjective,
} from './quality-gate.js';

const objective = (o: Partial<SloObjective> & { sli: string }): SloObjective => ({
  pass: [],
  warning: [],
  weight: 1,
  keySli: false,
  ...o,
});

// The objective from Keptn's slo.yaml reference (docs 0.18.x, "Example of an Objective"), plus three more.
const slo: QualityGateSlo = {
  filter: {},
  comparison: {
    compareWith: 'several_results',
    includeResultWithScore: 'pass',
    numberOfComparisonResults: 3,
    aggregateFunction: 'avg',
  },
  objectives: [
    objective({
      sli: 'response_time_p95',
      pass: [{ criteria: ['<=+10%', '<1000'] }],
      warning: [{ criteria: ['<=800'] }],
      weight: 2,
      keySli: true,
    }),
    objective({ sli: 'error_rate', pass: [{ criteria: ['<1'] }], warning: [{ criteria: ['<=2'] }] }),
    objective({ sli: 'throughput' }),
    objective({ sli: 'memory', pass: [{ criteria: ['<=+10%'] }], warning: [{ criteria: ['<=+25%'] }] }),
  ],
  totalScore: { pass: 90, warning: 75 },
};

// Newest first; include_result_with_score: pass keeps 500, 400, 600 (avg 500) for response time.
const history: PreviousEvaluation[] = [
  { result: 'pass', values: { response_time_p95: 500, memory: 100 } },
  { result: 'fail', values: { response_time_p95: 900, memory: 500 } },
  { result: 'pass', values: { response_time_p95: 400, memory: 100 } },
  { result: 'pass', values: { response_time_p95: 600, memory: 100 } },
  { result: 'pass', values: { response_time_p95: 10_000, memory: 900 } },
];

describe('evaluateQualityGate (Keptn v1 scoring)', () => {
  it('passes when every scored objective passes; +10% is against the avg of the previous 3 passing', () => {
    const r = evaluateQualityGate(
      slo,
      { response_time_p95: 540, error_rate: 0.5, throughput: 12, memory: 105 },
      history,
    );
    expect(r.result).toBe('pass');
    expect(r.score).toBe(100);
    const rt = r.objectives[0]!;
    expect(rt.comparedValue).toBe(500);
    expect(rt.passTargets.map((t) => [t.criteria, t.targetValue, t.violated])).toEqual([
      ['<=+10%', 550, false],
      ['<1000', 1000, false],
    ]);
    expect(r.objectives[2]).toMatchObject({ sli: 'throughput', status: 'info', score: 0 });
  });

  it('gives a warning half the weight: (1 + 1 + 1) of 4 = 75 % → warning', () => {
    const r = evaluateQualityGate(slo, { response_time_p95: 700, error_rate: 0.5, memory: 105 }, history);
    expect(r.objectives.map((o) => [o.status, o.score])).toEqual([
      ['warning', 1],
      ['pass', 1],
      ['info', 0],
      ['pass', 1],
    ]);
    expect(r.score).toBe(75);
    expect(r.result).toBe('warning');
  });

  it('fails below the warning threshold', () => {
    const r = evaluateQualityGate(slo, { response_time_p95: 700, error_rate: 1.5, memory: 105 }, history);
    // (1 + 0.5 + 1) / 4 = 62.5 %
    expect(r.score).toBe(62.5);
    expect(r.result).toBe('fail');
  });

  it('a failing key objective fails the evaluation whatever the score', () => {
    const many: QualityGateSlo = {
      ...slo,
      objectives: [
        objective({ sli: 'key', pass: [{ criteria: ['<1'] }], keySli: true }),
        objective({ sli: 'other', pass: [{ criteria: ['<1'] }], weight: 19 }),
      ],
    };
    const r = evaluateQualityGate(many, { key: 5, other: 0 });
    expect(r.score).toBe(95);
    expect(r.keySliFailed).toBe(true);
    expect(r.result).toBe('fail');
    // A key objective in warning is not a failure.
    const warned = evaluateQualityGate(
      {
        ...many,
        objectives: [{ ...many.objectives[0]!, warning: [{ criteria: ['<10'] }] }, many.objectives[1]!],
      },
      { key: 5, other: 0 },
    );
    expect(warned.score).toBe(97.5);
    expect(warned.result).toBe('pass');
  });

  it('computes 85 of 92 as 92.39 % (the example of Keptn docs, "Scoring")', () => {
    const r = evaluateQualityGate(
      {
        ...slo,
        objectives: [
          objective({ sli: 'a', pass: [{ criteria: ['<1'] }], weight: 80 }),
          objective({ sli: 'b', pass: [{ criteria: ['<1'] }], warning: [{ criteria: ['<2'] }], weight: 10 }),
          objective({ sli: 'c', pass: [{ criteria: ['<1'] }], weight: 2 }),
        ],
      },
      { a: 0, b: 1.5, c: 9 },
    );
    expect(r.score).toBeCloseTo((85 / 92) * 100, 12);
    expect(r.score.toFixed(2)).toBe('92.39');
    expect(r.result).toBe('pass');
  });

  it('ORs criteria blocks and ANDs the criteria inside one', () => {
    const ored: QualityGateSlo = {
      ...slo,
      objectives: [
        objective({ sli: 'rt', pass: [{ criteria: ['<1000', '<=+10%'] }, { criteria: ['<300'] }] }),
      ],
    };
    const prior: PreviousEvaluation[] = [{ result: 'pass', values: { rt: 200 } }];
    expect(evaluateQualityGate(ored, { rt: 250 }, prior).objectives[0]!.status).toBe('pass');
    const r = evaluateQualityGate(ored, { rt: 400 }, prior);
    expect(r.objectives[0]!.status).toBe('fail');
    expect(r.objectives[0]!.passTargets.map((t) => t.violated)).toEqual([false, true, true]);
  });

  it('treats relative criteria without history as met', () => {
    const r = evaluateQualityGate(slo, { response_time_p95: 999, error_rate: 0, memory: 1e9 }, []);
    expect(r.objectives[0]!.passTargets[0]).toEqual({
      criteria: '<=+10%',
      targetValue: null,
      violated: false,
    });
    expect(r.result).toBe('pass');
  });

  it('compares with the p90 of the previous 10 results', () => {
    const p90: QualityGateSlo = {
      ...slo,
      comparison: {
        ...slo.comparison,
        includeResultWithScore: 'all',
        numberOfComparisonResults: 10,
        aggregateFunction: 'p90',
      },
      objectives: [objective({ sli: 'rt', pass: [{ criteria: ['<=+10%'] }] })],
    };
    const prior = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99].map((k) => ({
      result: 'fail' as const,
      values: { rt: k * 100 },
    }));
    // The 11th (9900) is beyond N; p90 of 100..1000 is 990, target 1089.
    const r = evaluateQualityGate(p90, { rt: 1089 }, prior);
    expect(r.objectives[0]!.comparedValue).toBeCloseTo(990, 10);
    expect(r.objectives[0]!.passTargets[0]!.targetValue).toBeCloseTo(1089, 10);
    expect(r.result).toBe('pass');
    expect(evaluateQualityGate(p90, { rt: 1090 }, prior).result).toBe('fail');
  });

  it('single_result compares with the latest included evaluation only', () => {
    const single: QualityGateSlo = {
      ...slo,
      comparison: { ...slo.comparison, compareWith: 'single_result' },
    };
    expect(
      evaluateQualityGate(single, { response_time_p95: 540 }, history).objectives[0]!.comparedValue,
    ).toBe(500);
  });

  it('fails an objective without a value, and a key one fails the evaluation', () => {
    const r = evaluateQualityGate(
      slo,
      { error_rate: 0, memory: 100, response_time_p95: Number.NaN },
      history,
    );
    expect(r.objectives[0]).toMatchObject({ value: null, status: 'fail', score: 0 });
    expect(r.result).toBe('fail');
  });

  it('passes with score 100 when no objective is scored', () => {
    const info: QualityGateSlo = { ...slo, objectives: [objective({ sli: 'throughput' })] };
    expect(evaluateQualityGate(info, {})).toMatchObject({ result: 'pass', score: 100 });
  });

  it('without a warning threshold, below pass is fail', () => {
    const noWarning: QualityGateSlo = { ...slo, totalScore: { pass: 90, warning: null } };
    expect(
      evaluateQualityGate(noWarning, { response_time_p95: 700, error_rate: 0.5, memory: 105 }, history)
        .result,
    ).toBe('fail');
  });
});
