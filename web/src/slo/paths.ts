import { queryString } from '../api.js';

/** Console addresses of the SLO pages. An SLO named "import" or "notifications" is shadowed. */
export const slosPath = '/slo';
export const sloImportPath = '/slo/import';
export const sloNotificationsPath = '/slo/notifications';
export const sloPath = (name: string) => `${slosPath}/${encodeURIComponent(name)}`;

const slo = (name: string) => `/slos/${encodeURIComponent(name)}`;

/** API paths (relative to /api/v1). */
export const apiPath = {
  slos: '/slos',
  slo,
  budget: (name: string) => `${slo(name)}/budget`,
  burndown: (name: string, points: number) => `${slo(name)}/burndown${queryString({ points })}`,
  burnRate: (name: string, q: { window: string; from: string; to: string; points: number }) =>
    `${slo(name)}/burn-rate${queryString({ ...q })}`,
  alerts: (name: string) => `${slo(name)}/alerts`,
  sli: (name: string) => `/slis/${encodeURIComponent(name)}`,
  serviceBudgets: (service: string) => `/services/${encodeURIComponent(service)}/error-budget`,
  import: '/slo/import',
  targets: '/slo/notification-targets',
  target: (id: string) => `/slo/notification-targets/${encodeURIComponent(id)}`,
  deliveries: '/slo/deliveries',
};

/** The rules file as a plain link: `tenant` is the query form of the provider-admin's tenant header. */
export function rulesUrl(name: string, tenant: string | undefined): string {
  return `/api/v1${slo(name)}/rules${queryString({ format: 'prometheus', tenant })}`;
}

export function exportUrl(tenant: string | undefined): string {
  return `/api/v1/slo/export${queryString({ tenant })}`;
}
