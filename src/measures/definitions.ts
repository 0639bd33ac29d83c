/**
 * The definitions shown beside every number, as dora.dev states them ("DORA's software delivery
 * metrics", dora.dev/guides/dora-metrics-four-keys), and how Throughline computes each.
 */
export const definitions = {
  source: 'https://dora.dev/guides/dora-metrics-four-keys/',
  deployment:
    'A successful deployment to the environment. Several records of one pipeline run count once, timed by its last finish.',
  deploymentFrequency:
    'How often the service deploys: deployments per day and per week, and deployment days per week (median over the weeks of the window).',
  changeLeadTime:
    'Time from the start of a change (commit authored time by default; or commit time, pull request opened, first commit of the pull request) to the finish of the deployment that shipped it. A deployment ships the commits reachable from its sha and not from the previous successful deployment of the same service and environment. The first deployment of a service has no baseline and is excluded; values ≤ 0 are dropped. Median and p90 by linear interpolation (PERCENTILE_CONT).',
  changeFailRate:
    'Deployments that needed intervention ÷ deployments, each deployment counted at most once. A deployment needed intervention when an incident is attributed to it (an explicit link, otherwise the latest successful deployment of the affected service finished before the incident started, within the attribution window), when it was rolled back, or when an unplanned fix deployment followed it.',
  recoveryTime:
    'Failed deployment recovery time: median of (recovery − failed deployment finish), recovery being the earliest of the attributed incident’s resolution and the finish of the deployment that restored service (rollback or fix).',
  reworkRate:
    'Deployment rework rate: unplanned deployments (rollbacks and hotfixes, by rule) ÷ all deployments.',
} as const;
