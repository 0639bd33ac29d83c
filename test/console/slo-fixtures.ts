/**
 * One SLO with a hand-computed budget. checkout-availability: ratio SLI, Occurrences, 99.9 % over
 * a rolling 30 days. Samples cover the last 260 minutes: 200 minutes of 488 good events, then 60
 * quiet minutes of 40 events whose last three hold 17, 17 and 16 bad ones.
 * - events 200 × 488 + 60 × 40 = 100,000; bad 50; attainment 1 − 50 / 100,000 = 99.95 %;
 * - budget 0.1 % × 100,000 = 100 events; consumed 50; remaining 50 = 50.0 %;
 * - 1h burn ≥ 50 / 2,888 ÷ 0.001 ≈ 17.3 ≥ 14.4 and 5m burn 50 / ≤ 200 ÷ 0.001 ≥ 250: a page alert;
 *   6h burn 50 / 100,000 ÷ 0.001 = 0.5 < 6 and slower windows lower still: no ticket.
 */

export const sloCatalog = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: shop-team, title: Shop team }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: checkout, title: Checkout }
spec: { type: service, lifecycle: production, owner: group:shop-team }
`;

export const sloYaml = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-requests
spec:
  description: Checkout requests that did not fail
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{job="checkout",code!~"5.."}[{{.window}}]))
    total:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
spec:
  service: checkout
  indicatorRef: checkout-requests
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: 99.9 %
      target: 0.999
`;

/** The same SLO with an objective above 100 %: one problem, at the objective's target. */
export const invalidSloYaml = sloYaml.replace('target: 0.999', 'target: 1.5').split('---\n')[1]!;

const MINUTE = 60_000;

/** The samples, ending with the last whole minute (the budget leaves the running minute out). */
export function sloSamples(now = Date.now()) {
  const last = Math.floor(now / MINUTE) * MINUTE - MINUTE;
  const bad: Record<number, number> = { 257: 17, 258: 17, 259: 16 };
  return Array.from({ length: 260 }, (_, k) => {
    const total = k < 200 ? 488 : 40;
    return {
      sli: 'checkout-requests',
      t: new Date(last - (259 - k) * MINUTE).toISOString(),
      good: total - (bad[k] ?? 0),
      total,
    };
  });
}
