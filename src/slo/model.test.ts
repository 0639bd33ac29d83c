import { describe, expect, it } from 'vitest';
import { durationDays, sloObjectSchema } from './model.js';
import { parseOpenSlo } from './openslo/parse.js';
import { corpusPresent, list, read } from './openslo/testing.js';

describe('SLO model', () => {
  it('counts whole days in rolling durations, and none in calendar-length units', () => {
    expect(['28d', '1w', '12h', '30m', '1M', '1Q', '1Y'].map(durationDays)).toEqual([
      28,
      7,
      0.5,
      30 / 1440,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it.skipIf(!corpusPresent)(
    'accepts, through its zod schema, every object the OpenSLO import produces',
    () => {
      const files = [
        ...list('schema-test/valid'),
        ...list('spec-examples'),
        ...list('go-sdk/v1'),
        ...list('go-sdk/v2alpha'),
      ];
      const { objects } = parseOpenSlo(files.map(read), { references: 'keep' });
      expect(objects).toHaveLength(67);
      for (const o of objects) expect(sloObjectSchema.parse(o)).toEqual(o);
    },
  );

  it('rejects a target of 1 or more, naming the field', () => {
    const result = sloObjectSchema.safeParse({
      kind: 'SLO',
      name: 'x',
      service: 'web',
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 1 }],
      alertPolicies: [],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['objectives', 0, 'target']]);
  });
});
