import { pointer } from '../../core/errors.js';
import type { Sli, Slo, SloImportFile, SloImportIssue } from '../model.js';
import { readObjects } from '../openslo/documents.js';
import { parseOpenSlo } from '../openslo/parse.js';
import type { PrometheusRulesOptions, SeverityAlert, SloAlerting } from './prometheus.js';

/** One Sloth SLO: the model SLO plus what only the rules generator needs (alerts, info labels). */
export interface SlothSlo {
  slo: Slo;
  rules: PrometheusRulesOptions;
}

type Json = Record<string, unknown>;
type Report = (path: PropertyKey[], message: string) => void;
const isMap = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

// SLO plugins that leave Sloth's output unchanged: the default pipeline, a validator and a logger.
const neutralPlugins = new Set([
  'sloth.dev/core/sli_rules/v1',
  'sloth.dev/core/metadata_rules/v1',
  'sloth.dev/core/alert_rules/v1',
  'sloth.dev/core/debug/v1',
  'sloth.dev/contrib/validate_victoria_metrics/v1',
]);

/** The prometheus/v1 spec uses snake_case, the Kubernetes CRD camelCase; read either. */
const get = (m: Json, snake: string): unknown =>
  m[snake] ?? m[snake.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())];

function strings(value: unknown): Record<string, string> | undefined {
  if (!isMap(value)) return undefined;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

/**
 * Normalises Sloth specs — `prometheus/v1`, the `sloth.slok.dev/v1` PrometheusServiceLevel CRD and
 * Sloth's OpenSLO flavour — into SLOs. Specs using SLI plugins or output-changing SLO plugins are
 * reported: those plugins are Go code that only Sloth can run.
 */
export function parseSloth(files: readonly SloImportFile[]): { slos: SlothSlo[]; errors: SloImportIssue[] } {
  const slos: SlothSlo[] = [];
  const errors: SloImportIssue[] = [];
  for (const file of files) {
    const { objects, issues } = readObjects(file);
    errors.push(...issues);
    for (const { index, value } of objects) {
      const report: Report = (path, message) =>
        errors.push({ file: file.path, document: index, path: pointer(path), message });
      if (!isMap(value)) report([], 'a Sloth spec is a mapping');
      else if (value.version === 'prometheus/v1')
        slos.push(...serviceLevel(value, [], { mode: 'cli-gen-prom', spec: 'prometheus/v1' }, report));
      else if (value.apiVersion === 'sloth.slok.dev/v1' && value.kind === 'PrometheusServiceLevel') {
        const spec = isMap(value.spec) ? value.spec : {};
        slos.push(
          ...serviceLevel(spec, ['spec'], { mode: 'cli-gen-k8s', spec: 'sloth.slok.dev/v1' }, report),
        );
      } else if (typeof value.apiVersion === 'string' && value.apiVersion.startsWith('openslo/')) {
        const parsed = parseOpenSlo([{ path: file.path, content: JSON.stringify(value) }]);
        errors.push(...parsed.errors.map((e) => ({ ...e, document: index })));
        for (const slo of parsed.objects) {
          if (slo.kind === 'SLO')
            slos.push({
              slo,
              rules: { info: { sloth_mode: 'cli-gen-openslo', sloth_spec: String(value.apiVersion) } },
            });
        }
      } else
        report(
          ['version'],
          'expected version prometheus/v1, a sloth.slok.dev/v1 PrometheusServiceLevel or an OpenSLO SLO',
        );
    }
  }
  return { slos, errors };
}

function checkPlugins(chain: unknown, at: PropertyKey[], report: Report): boolean {
  const items = isMap(chain) && Array.isArray(chain.chain) ? chain.chain : [];
  let ok = true;
  items.forEach((p, i) => {
    const id = isMap(p) ? String(p.id) : '';
    if (!neutralPlugins.has(id)) {
      report([...at, 'chain', i, 'id'], `SLO plugin "${id}" changes the rules and is not supported`);
      ok = false;
    }
  });
  return ok;
}

function serviceLevel(
  spec: Json,
  at: PropertyKey[],
  source: { mode: string; spec: string },
  report: Report,
): SlothSlo[] {
  const service = spec.service;
  if (typeof service !== 'string' || service === '') report([...at, 'service'], 'required');
  const specPlugins = checkPlugins(get(spec, 'slo_plugins'), [...at, 'slo_plugins'], report);
  const list = Array.isArray(spec.slos) ? spec.slos : [];
  if (list.length === 0) report([...at, 'slos'], 'at least one SLO is required');
  const out: SlothSlo[] = [];
  list.forEach((raw, i) => {
    const here = [...at, 'slos', i];
    const slo = isMap(raw)
      ? sloOf(raw, { service: String(service), labels: strings(spec.labels) }, here, report)
      : undefined;
    const plugins = isMap(raw) ? checkPlugins(raw.plugins, [...here, 'plugins'], report) : false;
    if (slo && plugins && specPlugins && typeof service === 'string' && service !== '') {
      out.push({
        ...slo,
        rules: { ...slo.rules, info: { sloth_mode: source.mode, sloth_spec: source.spec } },
      });
    }
    if (!isMap(raw)) report(here, 'an SLO is a mapping');
  });
  return out;
}

function sloOf(
  raw: Json,
  parent: { service: string; labels: Record<string, string> | undefined },
  at: PropertyKey[],
  report: Report,
): SlothSlo | undefined {
  const name = raw.name;
  const objective = raw.objective;
  let ok = true;
  const fail = (path: PropertyKey[], message: string) => {
    report([...at, ...path], message);
    ok = false;
  };
  if (typeof name !== 'string' || name === '') fail(['name'], 'required');
  if (typeof objective !== 'number' || objective <= 0 || objective >= 100)
    fail(['objective'], 'a percentage in (0, 100)');
  const sli = isMap(raw.sli) ? raw.sli : {};
  const events = isMap(sli.events) ? sli.events : undefined;
  const rawSli = isMap(sli.raw) ? sli.raw : undefined;
  const source = (query: unknown) => ({ type: 'Prometheus', query: String(query), spec: {} });
  let ratio: Sli['metric'] | undefined;
  if (sli.plugin !== undefined)
    fail(['sli', 'plugin'], 'SLI plugins are Go code that only Sloth can run; not supported');
  else if (
    events &&
    typeof get(events, 'error_query') === 'string' &&
    typeof get(events, 'total_query') === 'string'
  ) {
    ratio = {
      type: 'ratio',
      ratio: {
        type: 'bad',
        bad: source(get(events, 'error_query')),
        total: source(get(events, 'total_query')),
      },
    };
  } else if (rawSli && typeof get(rawSli, 'error_ratio_query') === 'string') {
    ratio = {
      type: 'ratio',
      ratio: { type: 'raw', rawType: 'failure', raw: source(get(rawSli, 'error_ratio_query')) },
    };
  } else fail(['sli'], 'needs events (error_query, total_query) or raw (error_ratio_query)');
  if (!ok || !ratio) return undefined;
  const percent = objective as number;
  const description = typeof raw.description === 'string' ? raw.description : undefined;
  const slo: Slo = {
    kind: 'SLO',
    name: name as string,
    ...(description !== undefined && { description }),
    labels: { ...parent.labels, ...strings(raw.labels) },
    service: parent.service,
    indicator: { kind: 'SLI', name: name as string, metric: ratio },
    timeWindow: { type: 'rolling', duration: '30d' },
    budgetingMethod: 'Occurrences',
    objectives: [{ target: percent / 100, targetPercent: percent }],
    alertPolicies: [],
  };
  return { slo, rules: { alerting: alertingOf(raw.alerting) } };
}

function alertingOf(value: unknown): SloAlerting | undefined {
  if (!isMap(value)) return undefined;
  const severity = (v: unknown): SeverityAlert | undefined =>
    isMap(v)
      ? { disable: v.disable === true, labels: strings(v.labels), annotations: strings(v.annotations) }
      : undefined;
  const page = severity(get(value, 'page_alert'));
  const ticket = severity(get(value, 'ticket_alert'));
  if (typeof value.name !== 'string') return undefined; // Sloth needs a name only when an alert is on
  return {
    name: value.name,
    labels: strings(value.labels),
    annotations: strings(value.annotations),
    page,
    ticket,
  };
}
