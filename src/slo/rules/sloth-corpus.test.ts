import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prometheusRules, type RuleGroup } from './prometheus.js';
import { parseSloth } from './sloth.js';

const slothRoot = fileURLToPath(new URL('../../../../shared/corpus/sloth/', import.meta.url));
const present = existsSync(`${slothRoot}examples`);
if (!present) console.warn(`\n!!! ${slothRoot} is absent: SKIPPING the Sloth corpus tests.\n`);

/** Examples whose rules we reproduce, and the ones we cannot, with the reason. */
const comparable = [
  'getting-started.yml',
  'home-wifi.yml',
  'k8s-getting-started.yml',
  'k8s-home-wifi.yml',
  'k8s-multifile.yml',
  'kubernetes-apiserver.yml',
  'multifile.yml',
  'no-alerts.yml',
  'openslo-getting-started.yml',
  'openslo-kubernetes-apiserver.yml',
  'raw-home-wifi.yml',
  'slo-plugin-getting-started.yml',
  'slo-plugin-k8s-getting-started.yml',
  'victoria-metrics.yml',
];
const unsupported: Record<string, string> = {
  'plugin-getting-started.yml': 'SLI plugins are Go code that only Sloth can run; not supported',
  'plugin-k8s-getting-started.yml': 'SLI plugins are Go code that only Sloth can run; not supported',
  'contrib-slo-plugins.yml':
    'SLO plugin "sloth.dev/contrib/info_labels/v1" changes the rules and is not supported',
  'contrib-denominator-corrected.yaml':
    'SLO plugin "sloth.dev/contrib/denominator_corrected_rules/v1" changes the rules and is not supported',
};

/** What Sloth's examplesgen.sh passed: `--extra-labels cmd=examplesgen.sh`, version `dev`. */
function generate(file: string): RuleGroup[] {
  const { slos, errors } = parseSloth([
    { path: file, content: readFileSync(`${slothRoot}examples/${file}`, 'utf8') },
  ]);
  expect(errors).toEqual([]);
  return slos.flatMap(({ slo, rules }) =>
    prometheusRules(slo, {
      ...rules,
      extraLabels: { cmd: 'examplesgen.sh' },
      info: { ...rules.info, sloth_version: 'dev' },
    }),
  );
}

/** Sloth's output: a rules file, or PrometheusRule CRDs (one per document) for the Kubernetes flavour. */
function expected(file: string): RuleGroup[] {
  const text = readFileSync(`${slothRoot}_gen/${file}`, 'utf8');
  return text
    .split(/^---$/m)
    .map((doc) => parse(doc, { version: '1.2', schema: 'core' }))
    .filter(Boolean)
    .flatMap(
      (doc: { groups?: RuleGroup[]; spec?: { groups: RuleGroup[] } }) => doc.groups ?? doc.spec!.groups,
    );
}

describe.skipIf(!present)("Sloth's examples", () => {
  it.each(comparable)('%s gives the rules Sloth generated, rule by rule', (file) => {
    const got = generate(file);
    const want = expected(file);
    expect(got.map((g) => g.name)).toEqual(want.map((g) => g.name));
    for (const [i, group] of want.entries()) expect(got[i]!.rules).toEqual(group.rules);
  });

  it.each(Object.entries(unsupported))('%s is reported, not guessed', (file, message) => {
    const { slos, errors } = parseSloth([
      { path: file, content: readFileSync(`${slothRoot}examples/${file}`, 'utf8') },
    ]);
    expect(slos).toEqual([]);
    expect(errors.map((e) => e.message)).toContain(message);
  });
});
