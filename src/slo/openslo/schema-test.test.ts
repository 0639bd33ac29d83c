import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOpenSlo } from './parse.js';
import { corpusPresent, opensloRoot, read } from './testing.js';

interface Expectation {
  file: string;
  expected: 'valid' | 'invalid' | 'unclassified';
}
const expectations: Expectation[] = corpusPresent
  ? JSON.parse(readFileSync(`${opensloRoot}schema-test/expectations.json`, 'utf8')).files
  : [];

// Schema tests check one file alone, so references to objects elsewhere stay references.
const check = (file: string) => parseOpenSlo([read(`schema-test/${file}`)], { references: 'keep' });

/** The wrong field of each rejected file, and why. */
const rejections: Record<string, [string, string][]> = {
  'invalid/v1/alert-condition/alert-condition-no-condition.yaml': [['/spec/condition', 'required']],
  'invalid/v1/alert-condition/alert-condition-no-sev.yaml': [['/spec/severity', 'required']],
  'invalid/v1/alert-notification-target/alert-notification-target-no-target.yaml': [
    ['/spec/target', 'required'],
  ],
  'invalid/v1/alert-policy/alert-policy-malformed-cond.yaml': [
    ['/spec/conditions/0', 'needs either conditionRef or an inline AlertCondition (kind, metadata, spec)'],
  ],
  'invalid/v1/alert-policy/alert-policy-malformed-targetref.yaml': [
    [
      '/spec/notificationTargets/0',
      'needs either targetRef or an inline AlertNotificationTarget (kind, metadata, spec)',
    ],
  ],
  'invalid/v1/alert-policy/alert-policy-many-cond.yaml': [['/spec/conditions', 'exactly one condition']],
  'invalid/v1/alert-policy/alert-policy-no-cond.yaml': [['/spec/conditions', 'required']],
  'invalid/v1/alert-policy/alert-policy-no-notification.yaml': [['/spec/notificationTargets', 'required']],
  'invalid/v1/invalid-apiversion.yaml': [
    ['/kind', '"AlertNotificationTarget" is not a kind of openslo/v1alpha; expected one of SLO, Service'],
    ['/metadata/name', 'lower-case letters, digits, ".", "|", "/", "\\" or "-"'],
  ],
  'invalid/v1/service/service-long-description.yaml': [['/spec/description', 'at most 1050 characters']],
  'unclassified/invalid-apiversion.yaml': [
    ['/apiVersion', 'unsupported "foo"; expected one of openslo/v1alpha, openslo/v1, openslo.com/v2alpha'],
  ],
  'unclassified/v1/sli/sli-description-ratio-inline-metricsource.yaml': [
    ['/spec/ratioMetric/total/metricSource/spec', 'Invalid input: expected record, received null'],
  ],
  'unclassified/v1/sli/sli-ratio-good-and-bad.yaml': [
    ['/spec/ratioMetric', 'good and bad are exclusive: give only one'],
  ],
};

describe.skipIf(!corpusPresent)("OpenSLO's schema tests", () => {
  it('has the 30 valid, 10 invalid and 3 unclassified files the README lists', () => {
    const count = (e: Expectation['expected']) => expectations.filter((x) => x.expected === e).length;
    expect([count('valid'), count('invalid'), count('unclassified')]).toEqual([30, 10, 3]);
  });

  it.each(expectations.filter((e) => e.expected === 'valid').map((e) => e.file))('accepts %s', (file) => {
    const { objects, errors } = check(file);
    expect(errors).toEqual([]);
    expect(objects).toHaveLength(1);
  });

  it.each(expectations.filter((e) => e.expected !== 'valid').map((e) => e.file))(
    'rejects %s at the wrong field',
    (file) => {
      const { objects, errors } = check(file);
      expect(objects).toEqual([]);
      expect(errors.map((e) => [e.path, e.message])).toEqual(rejections[file]);
      expect(errors.every((e) => e.file === `schema-test/${file}` && e.document === 0)).toBe(true);
    },
  );

  it('keeps an unquoted startTime as the string it is (YAML 1.2 core schema)', () => {
    const [slo] = check('valid/v1/slo/slo-indicatorref-calendar-alerts.yaml').objects;
    expect(slo).toMatchObject({
      timeWindow: {
        type: 'calendar',
        count: 1,
        unit: 'Day',
        startTime: '2020-01-21 12:30:00',
        timeZone: 'America/New_York',
      },
      indicator: { ref: 'indicator-ref-string' },
      alertPolicies: [{ ref: 'foo-alert-policy' }],
    });
  });
});
