import { describe, expect, it } from 'vitest';
import { parseSloYaml } from './slo-yaml.js';

// Keptn docs, reference/files/slo (0.18.x): the example SLO and the example objective.
const example = `
spec_version: '1.0'
filter:
  mz_id: "4711"
  svc_id: "a14b-cd87-0d51"
comparison:
  compare_with: "single_result"
  include_result_with_score: "pass"
  aggregate_function: avg
objectives:
  - sli: response_time_p95
    displayName: Response time P95
    pass:
      - criteria:
          - "<=+10%"
          - "<1000"
    warning:
      - criteria:
          - "<=800"
    weight: 2
    key_sli: true
  - sli: throughput
  - sli: error_rate
    weight: 0
    pass:
      - criteria: ["<1"]
total_score:
  pass: "90%"
  warning: "75%"
`;

describe('parseSloYaml', () => {
  it('reads the Keptn documentation example and fills defaults', () => {
    const { slo, issues } = parseSloYaml(example);
    expect(issues).toEqual([]);
    expect(slo).toEqual({
      filter: { mz_id: '4711', svc_id: 'a14b-cd87-0d51' },
      comparison: {
        compareWith: 'single_result',
        includeResultWithScore: 'pass',
        numberOfComparisonResults: 3,
        aggregateFunction: 'avg',
      },
      objectives: [
        {
          sli: 'response_time_p95',
          displayName: 'Response time P95',
          pass: [{ criteria: ['<=+10%', '<1000'] }],
          warning: [{ criteria: ['<=800'] }],
          weight: 2,
          keySli: true,
        },
        { sli: 'throughput', pass: [], warning: [], weight: 1, keySli: false },
        { sli: 'error_rate', pass: [{ criteria: ['<1'] }], warning: [], weight: 1, keySli: false },
      ],
      totalScore: { pass: 90, warning: 75 },
    });
  });

  it('defaults the comparison to the single previous result of any outcome, by average', () => {
    const { slo } = parseSloYaml('spec_version: "1.0"\nobjectives: []\n');
    expect(slo?.comparison).toEqual({
      compareWith: 'single_result',
      includeResultWithScore: 'all',
      numberOfComparisonResults: 1,
      aggregateFunction: 'avg',
    });
    expect(slo?.totalScore).toEqual({ pass: 100, warning: null });
  });

  it('reports every wrong field with its path', () => {
    const { slo, issues } = parseSloYaml(`
spec_version: "2.0"
comparison:
  compare_with: latest
  number_of_comparison_results: -2
  aggregate_function: median
objectives:
  - pass:
      - criteria: ["<=+10%", "600", 5]
    weight: 1.5
    key_sli: "yes"
  - sli: ok
    warning: "<5"
total_score:
  warning: lots
`);
    expect(slo).toBeNull();
    expect(issues.map((i) => i.path)).toEqual([
      '/spec_version',
      '/comparison/number_of_comparison_results',
      '/comparison/aggregate_function',
      '/comparison/compare_with',
      '/objectives/0/sli',
      '/objectives/0/weight',
      '/objectives/0/key_sli',
      '/objectives/0/pass/0/criteria/1',
      '/objectives/0/pass/0/criteria/2',
      '/objectives/1/warning',
      '/total_score/warning',
      '/total_score/pass',
    ]);
  });

  it('reports malformed YAML with its line', () => {
    const { slo, issues } = parseSloYaml('spec_version: "1.0"\nobjectives: [\n');
    expect(slo).toBeNull();
    expect(issues[0]!.message).toMatch(/^malformed YAML at line \d+/);
  });

  it('accepts percentages with or without %, and an unquoted 1.0 version', () => {
    const { slo, issues } = parseSloYaml('spec_version: 1.0\ntotal_score:\n  pass: 95\n  warning: "80"\n');
    expect(issues).toEqual([]);
    expect(slo?.totalScore).toEqual({ pass: 95, warning: 80 });
  });
});
