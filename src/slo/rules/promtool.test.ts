import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { prometheusRules } from './prometheus.js';
import { renderRulesYaml } from './render.js';
import { parseSloth } from './sloth.js';

const promtool = '/usr/bin/promtool';
const present = existsSync(promtool);
if (!present) {
  if (process.env.CI === 'true') throw new Error(`${promtool} is required in CI (Debian package prometheus)`);
  console.warn(`\n!!! ${promtool} is absent: SKIPPING the promtool rule checks.\n`);
}
const examples = fileURLToPath(new URL('../../../../shared/corpus/sloth/examples/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'throughline-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rulesFile(example: string): string {
  const { slos } = parseSloth([{ path: example, content: readFileSync(join(examples, example), 'utf8') }]);
  const path = join(dir, example.replace(/\.ya?ml$/, '.rules.yml'));
  writeFileSync(path, renderRulesYaml(slos.flatMap(({ slo, rules }) => prometheusRules(slo, rules))));
  return path;
}

const run = (args: string[]) => execFileSync(promtool, args, { cwd: dir, encoding: 'utf8' });

// Plugin examples are not generated (see sloth.ts); victoria-metrics uses MetricsQL's
// histogram_share, which Prometheus' parser rightly rejects.
const generated = existsSync(examples)
  ? readdirSync(examples).filter((f) => /\.ya?ml$/.test(f) && !/plugin|denominator|victoria/.test(f))
  : [];

describe.skipIf(!present)('promtool', () => {
  it.each(generated)('check rules passes on the rules for %s', (example) => {
    // Sloth gives the page and ticket alerts one name on purpose (sloth_severity tells them apart);
    // promtool 2.42's duplicate-rules lint flags that, so only syntax and semantics are checked.
    expect(run(['check', 'rules', '--lint=none', rulesFile(example)])).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('fires the page alert after a 100 % error ratio, and stays silent on a healthy series', () => {
    const rules = rulesFile('getting-started.yml');
    // Counters sampled every minute for three hours: `0+60x180` grows by one request per second.
    const series = (failing: string, passing: string) => [
      { series: 'http_request_duration_seconds_count{job="myservice",code="500"}', values: failing },
      { series: 'http_request_duration_seconds_count{job="myservice",code="200"}', values: passing },
    ];
    const alert = { alertname: 'MyServiceHighErrorRate', eval_time: '2h' };
    const slo = { owner: 'myteam', repo: 'myorg/myservice', tier: '2', category: 'availability' };
    const ids = {
      sloth_id: 'myservice-requests-availability',
      sloth_service: 'myservice',
      sloth_slo: 'requests-availability',
    };
    const summary = "High error rate on 'myservice' requests responses";
    const title = (s: string) =>
      `(${s}) myservice requests-availability SLO error budget burn rate is too fast.`;
    const firing = [
      {
        exp_labels: { ...slo, ...ids, routing_key: 'myteam', severity: 'pageteam', sloth_severity: 'page' },
        exp_annotations: { summary, title: title('page') },
      },
      // Two hours at 100 % also exceed the ticket pair (2h, 1d) at 3× the budget.
      {
        exp_labels: {
          ...slo,
          ...ids,
          severity: 'slack',
          slack_channel: '#alerts-myteam',
          sloth_severity: 'ticket',
        },
        exp_annotations: { summary, title: title('ticket') },
      },
    ];
    const test = {
      rule_files: [rules],
      evaluation_interval: '1m',
      tests: [
        // Every request fails for two hours: 5m, 30m, 1h and 6h all exceed 14.4×/6× the 0.1 % budget.
        {
          interval: '1m',
          input_series: series('0+60x180', '0+0x180'),
          alert_rule_test: [{ ...alert, exp_alerts: firing }],
        },
        // Requests that all succeed: the 500 counter never moves, so nothing fires.
        {
          interval: '1m',
          input_series: series('0+0x180', '0+60x180'),
          alert_rule_test: [{ ...alert, exp_alerts: [] }],
        },
      ],
    };
    const path = join(dir, 'page-alert.test.yml');
    writeFileSync(path, JSON.stringify(test));
    expect(run(['test', 'rules', path])).toContain('SUCCESS');
  });
});
