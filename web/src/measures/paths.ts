import { queryString } from '../api.js';
import type { EventMetric } from './model.js';

/** Console addresses of the measures pages. */
export const doraPath = '/measures/dora';
export const doraEventsPath = '/measures/dora/events';
export const portfolioPath = '/measures/portfolio';

/** What a DORA view is of: the URL's query, shared by the dashboard, its drill-downs and the API. */
export interface DoraQuery {
  service?: string | undefined;
  team?: string | undefined;
  environment?: string | undefined;
  last?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  levels?: string | undefined;
  leadTimeStart?: string | undefined;
}

const queryKeys = [
  'service',
  'team',
  'environment',
  'last',
  'from',
  'to',
  'levels',
  'leadTimeStart',
] as const;

export function readQuery(params: URLSearchParams): DoraQuery {
  return Object.fromEntries(
    queryKeys.flatMap((k) => {
      const v = params.get(k);
      return v ? [[k, v]] : [];
    }),
  );
}

/** A dashboard link; the API defaults (production, the last 30 days) stay out of the URL. */
export function doraLink(q: DoraQuery): string {
  return `${doraPath}${queryString({ ...q })}`;
}

export function eventsLink(q: DoraQuery & { metric: EventMetric }): string {
  return `${doraEventsPath}${queryString({ ...q })}`;
}

/** The API's drill-down addresses mirror the console's: /api/v1/measures/dora/events → /measures/dora/events. */
export function consoleEventsLink(apiUrl: string): string {
  return apiUrl.replace(/^\/api\/v1/, '');
}

/** API paths (relative to /api/v1). */
export const apiPath = {
  dora: (q: DoraQuery & { groupBy?: 'service' }) => `/measures/dora${queryString({ ...q })}`,
  trend: (q: DoraQuery) => `/measures/dora/trend${queryString({ ...q, interval: 'week' })}`,
  events: (q: DoraQuery & { metric: EventMetric; limit: number; offset: number }) =>
    `/measures/dora/events${queryString({ ...q })}`,
  settings: '/measures/dora/settings',
  portfolio: (q: { last?: string | undefined; levels?: string | undefined }) =>
    `/measures/dora/portfolio${queryString({ ...q })}`,
};
