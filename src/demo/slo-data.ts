/**
 * Demo SLOs: OpenSLO definitions for four catalog services and about 30 days of samples. The last
 * 3 days are per minute (what burn-rate windows read); before that one sample per 10 minutes
 * carries the events of all 10, so event counts stay even while seeding stays fast. payments-api
 * had a two-hour incident 12 days ago; checkout is burning now, fast enough to page.
 */

const sli = (name: string, description: string, good: string, total: string) => `apiVersion: openslo/v1
kind: SLI
metadata:
  name: ${name}
spec:
  description: ${description}
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Prometheus
        spec:
          query: ${good}
    total:
      metricSource:
        type: Prometheus
        spec:
          query: ${total}
`;

const slo = (o: {
  name: string;
  service: string;
  sli: string;
  target: number;
  method?: string;
  extra?: string;
  policies?: string;
}) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${o.name}
  displayName: ${o.name.replace(/-/g, ' ')}
spec:
  service: ${o.service}
  indicatorRef: ${o.sli}
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: ${o.method ?? 'Occurrences'}
  objectives:
    - displayName: ${o.target * 100} %
      target: ${o.target}${o.extra ?? ''}
${o.policies ?? ''}`;

const http = (job: string, good: string) =>
  [
    `sum(rate(http_requests_total{job="${job}",${good}}[{{.window}}]))`,
    `sum(rate(http_requests_total{job="${job}"}[{{.window}}]))`,
  ] as const;

export function demoSloYaml(): string {
  return [
    `apiVersion: openslo/v1
kind: AlertNotificationTarget
metadata:
  name: demo-oncall
spec:
  description: The on-call webhook (a notification target of the same name receives it)
  target: webhook
`,
    `apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: fast-burn
spec:
  severity: page
  condition:
    kind: burnrate
    op: gte
    threshold: 14.4
    lookbackWindow: 1h
    alertAfter: 5m
`,
    `apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: page-oncall
spec:
  alertWhenBreaching: true
  alertWhenResolved: true
  conditions:
    - conditionRef: fast-burn
  notificationTargets:
    - targetRef: demo-oncall
`,
    sli('checkout-requests', 'Checkout requests that did not fail', ...http('checkout', 'code!~"5.."')),
    sli('payments-requests', 'Payment API calls that did not fail', ...http('payments-api', 'code!~"5.."')),
    sli('identity-logins', 'Sign-ins that succeeded', ...http('identity-api', 'code!~"5.."')),
    `apiVersion: openslo/v1
kind: SLI
metadata:
  name: search-latency
spec:
  description: 95th percentile search latency per minute, in milliseconds
  thresholdMetric:
    metricSource:
      type: Prometheus
      spec:
        query: histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{job="search-api"}[1m])) by (le)) * 1000
`,
    slo({
      name: 'checkout-availability',
      service: 'checkout',
      sli: 'checkout-requests',
      target: 0.999,
      policies: '  alertPolicies:\n    - alertPolicyRef: page-oncall\n',
    }),
    slo({ name: 'payments-availability', service: 'payments-api', sli: 'payments-requests', target: 0.999 }),
    slo({
      name: 'identity-availability',
      service: 'identity-api',
      sli: 'identity-logins',
      target: 0.995,
      method: 'Timeslices',
      extra: '\n      timeSliceTarget: 0.95\n      timeSliceWindow: 1m',
    }),
    slo({
      name: 'search-latency',
      service: 'search-api',
      sli: 'search-latency',
      target: 0.995,
      extra: '\n      op: lt\n      value: 300',
    }),
  ].join('---\n');
}

const MINUTE = 60_000;

/** Deterministic noise in [0, 1). */
function noise(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return x - Math.floor(x);
}

export type DemoSample =
  | { sli: string; t: string; good: number; total: number }
  | { sli: string; t: string; value: number };

/** The samples of every demo SLI, oldest first. */
export function demoSloSamples(now: number): DemoSample[] {
  const end = Math.floor(now / MINUTE) * MINUTE;
  const start = end - 30 * 1440 * MINUTE;
  const dense = end - 3 * 1440 * MINUTE;
  const out: DemoSample[] = [];
  for (let t = start, i = 0; t < end; i++) {
    const step = t < dense ? 10 : 1;
    const hour = new Date(t).getUTCHours();
    const traffic = Math.round((200 + 300 * Math.sin(((hour - 6) / 24) * Math.PI * 2) ** 2) * step);
    const at = new Date(t).toISOString();
    const ago = end - t;
    const ratio = (sli: string, errorRate: number, k: number) => {
      const bad = Math.round(traffic * errorRate * (0.5 + noise(i * 7 + k)));
      out.push({ sli, t: at, good: traffic - bad, total: traffic });
    };
    ratio('checkout-requests', ago <= 90 * MINUTE ? 0.02 : 0.0003, 1);
    const incident = ago >= 12 * 1440 * MINUTE && ago < 12 * 1440 * MINUTE + 120 * MINUTE;
    ratio('payments-requests', incident ? 0.08 : 0.0003, 2);
    ratio('identity-logins', noise(i * 13) < 0.002 ? 0.2 : 0.001, 3);
    out.push({
      sli: 'search-latency',
      t: at,
      value: Math.round(120 + 130 * noise(i * 17) + (noise(i * 19) < 0.003 ? 400 : 0)),
    });
    t += step * MINUTE;
  }
  return out;
}
