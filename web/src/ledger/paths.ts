/** Console addresses of the delivery pages; deployment ids are URL-encoded (webhook ids hold `:` and `/`). */
export const deploymentsPath = '/delivery/deployments';
export const ingestPath = '/delivery/ingest';

export const deploymentPath = (id: string) => `${deploymentsPath}/${encodeURIComponent(id)}`;

/** API paths (relative to /api/v1). */
export const apiPath = {
  deployment: (id: string) => `/deployments/${encodeURIComponent(id)}`,
  mapping: (pattern: string) => `/ingest/mappings/${encodeURIComponent(pattern)}`,
  secret: (source: string) => `/ingest/secrets/${encodeURIComponent(source)}`,
};
