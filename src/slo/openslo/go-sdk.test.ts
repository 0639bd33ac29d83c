import { describe, expect, it } from 'vitest';
import { readObjects } from './documents.js';
import { exportOpenSlo } from './export.js';
import { parseOpenSlo } from './parse.js';
import { corpusPresent, list, read } from './testing.js';

describe.skipIf(!corpusPresent)("go-sdk's examples", () => {
  it.each(['v1', 'v1alpha', 'v2alpha'])('accepts every %s file for its apiVersion', (version) => {
    const files = list(`go-sdk/${version}`);
    expect(files.length).toBe({ v1: 7, v1alpha: 2, v2alpha: 7 }[version]);
    // Each file holds one kind; the references between them are to objects the examples never define.
    const { objects, errors } = parseOpenSlo(files.map(read), { references: 'keep' });
    expect(errors).toEqual([]);
    expect(objects).toHaveLength({ v1: 16, v1alpha: 3, v2alpha: 17 }[version]!);
  });

  it('maps a v1alpha ratio objective to an objective with its own indicator', () => {
    const { objects } = parseOpenSlo([read('go-sdk/v1alpha/slos.yaml')]);
    expect(objects[1]).toEqual({
      kind: 'SLO',
      name: 'web-availability-ratio',
      displayName: 'Ratio SLO for web availability',
      description: 'X% of search requests are successful',
      service: 'web',
      timeWindow: {
        type: 'calendar',
        count: 1,
        unit: 'Week',
        startTime: '2022-01-01 12:00:00',
        timeZone: 'America/New_York',
      },
      budgetingMethod: 'Timeslices',
      objectives: [
        {
          displayName: 'Good',
          target: 0.995,
          timeSliceTarget: 0.95,
          value: 1,
          indicator: {
            kind: 'SLI',
            name: 'web-availability-ratio-0',
            metric: {
              type: 'ratio',
              ratio: {
                type: 'good',
                counter: true,
                good: {
                  type: 'datadog',
                  query: 'sum:requests{service:web,status:2xx}',
                  spec: { queryType: 'query' },
                },
                total: { type: 'datadog', query: 'sum:requests{service:web}', spec: { queryType: 'query' } },
              },
            },
          },
        },
      ],
      alertPolicies: [],
    });
  });

  it('maps v2alpha dataSourceRef and dataSourceSpec onto the metric source', () => {
    const { objects } = parseOpenSlo([read('go-sdk/v2alpha/slis.yaml')]);
    const metric = (i: number) => (objects[i] as { metric: unknown }).metric;
    expect(metric(3)).toEqual({
      type: 'threshold',
      metric: {
        dataSourceRef: 'my-prometheus',
        query:
          'sum(min_over_time(kafka_consumergroup_lag{k8s_cluster="prod", consumergroup="annotator", topic="annotator-in"}[2m]))',
        spec: {},
      },
    });
    expect((metric(4) as { metric: { type: string } }).metric.type).toBe('Prometheus');
  });

  it('decodes one object, a list, several documents and JSON alike', () => {
    const names = (file: string) => readObjects(read(`go-sdk/test_data/decode/${file}`)).objects.length;
    expect(
      [
        'single_object.yaml',
        'single_object.json',
        'sequence_of_objects.yaml',
        'sequence_of_objects.json',
        'two_documents.yaml',
      ].map(names),
    ).toEqual([1, 1, 2, 2, 2]);
    const services = parseOpenSlo(
      ['sequence_of_objects.yaml', 'sequence_of_objects.json', 'two_documents.yaml'].map((f) =>
        read(`go-sdk/test_data/decode/${f}`),
      ),
    );
    expect(services.errors).toEqual([]);
    expect(services.objects.map((o) => o.name)).toEqual([
      'users-auth',
      'users-login',
      'users-auth',
      'users-login',
      'users-auth',
      'users-login',
    ]);
    for (const f of ['v1_slos.yaml', 'v2alpha_data_source.yaml'])
      expect(parseOpenSlo([read(`go-sdk/test_data/decode/${f}`)]).errors).toEqual([]);
  });

  it('reports the v2alpha decode fixture SLOs that lack budgetingMethod and objectives', () => {
    const { errors } = parseOpenSlo([read('go-sdk/test_data/decode/v2alpha_slos.yaml')]);
    expect(errors.map((e) => [e.document, e.path])).toEqual([
      [0, '/spec/budgetingMethod'],
      [1, '/spec/budgetingMethod'],
      [1, '/spec/objectives'],
    ]);
  });
});

describe.skipIf(!corpusPresent)('reference inlining (go-sdk test_data/inline)', () => {
  const inline = (file: string, references: 'inline' | 'inline-and-remove' | 'keep') =>
    parseOpenSlo([read(`go-sdk/test_data/inline/inputs/${file}`)], { references });
  const output = (file: string) =>
    parseOpenSlo([read(`go-sdk/test_data/inline/outputs/${file}`)], { references: 'keep' });

  it.each([
    ['v1_alert_policies_keep_refs.yaml', 'inline'],
    ['v1_alert_policies_remove_refs.yaml', 'inline-and-remove'],
    ['v1_slo.yaml', 'inline-and-remove'],
    ['custom_config.yaml', 'keep'],
  ] as const)('inlines %s to its output', (file, mode) => {
    const got = inline(file, mode);
    expect(got.errors).toEqual([]);
    expect(got.objects).toEqual(output(file).objects);
  });

  it.each([
    [
      'v1_alert_policies_invalid_condition.yaml',
      '/spec/conditions/0/conditionRef',
      'AlertCondition "cpu-usage-breach"',
    ],
    [
      'v1_alert_policies_invalid_target.yaml',
      '/spec/notificationTargets/1/targetRef',
      'AlertNotificationTarget "devs-email-notification"',
    ],
    ['v1_slo_invalid_sli.yaml', '/spec/indicatorRef', 'SLI "no-sli"'],
    ['v1_slo_invalid_policy.yaml', '/spec/alertPolicies/0', 'AlertPolicy "no-policy"'],
    [
      'v1_slo_invalid_target.yaml',
      '/spec/alertPolicies/0/spec/notificationTargets/1/targetRef',
      'AlertNotificationTarget "devs-email-notification"',
    ],
  ])('fails %s naming the missing object', (file, path, what) => {
    const { objects, errors } = inline(file, 'inline');
    expect(errors).toEqual([
      {
        file: `go-sdk/test_data/inline/inputs/${file}`,
        document: 0,
        path,
        message: `${what} does not exist in the import`,
      },
    ]);
    expect(objects.map((o) => o.kind)).not.toContain(file.includes('slo') ? 'SLO' : 'AlertPolicy');
  });
});

describe.skipIf(!corpusPresent)('export', () => {
  const valid = [
    ...list('schema-test/valid'),
    ...list('spec-examples'),
    ...list('go-sdk/v1'),
    'go-sdk/v1alpha/services.yaml',
    ...list('go-sdk/v2alpha'),
    ...list('go-sdk/test_data/inline/outputs'),
    ...list('go-sdk/test_data/encode'),
  ];

  it.each(valid)('round-trips %s through OpenSLO v1 YAML', (file) => {
    const first = parseOpenSlo([read(file)], { references: 'keep' });
    expect(first.errors).toEqual([]);
    const yaml = exportOpenSlo(first.objects);
    const again = parseOpenSlo([{ path: 'export.yaml', content: yaml }], { references: 'keep' });
    expect(again.errors).toEqual([]);
    expect(again.objects).toEqual(first.objects);
    expect(yaml).not.toMatch(/openslo\/v1alpha|v2alpha/);
  });

  it('writes a v1alpha Timeslices SLO without timeSliceWindow, which v1 then rejects', () => {
    // v1alpha did not require the window; v1 does, so this SLO cannot be valid v1 as it stands.
    const { objects } = parseOpenSlo([read('go-sdk/v1alpha/slos.yaml')]);
    const again = parseOpenSlo([{ path: 'export.yaml', content: exportOpenSlo(objects) }]);
    expect(again.errors).toEqual([
      {
        file: 'export.yaml',
        document: 1,
        path: '/spec/objectives/0/timeSliceWindow',
        message: 'required for Timeslices',
      },
    ]);
  });

  it('quotes timestamps so that YAML 1.1 readers keep them strings', () => {
    const { objects } = parseOpenSlo([read('go-sdk/v1/slos.yaml')]);
    expect(exportOpenSlo(objects)).toContain('startTime: "2022-01-01 12:00:00"');
  });
});
