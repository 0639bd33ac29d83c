/** Console addresses of catalog entities; names are URL-encoded because Backstage allows dots. */
export const servicesPath = '/catalog/services';
export const teamsPath = '/catalog/teams';
export const systemsPath = '/catalog/systems';
export const importPath = '/catalog/import';

export const servicePath = (name: string) => `${servicesPath}/${encodeURIComponent(name)}`;
export const teamPath = (name: string) => `${teamsPath}/${encodeURIComponent(name)}`;
export const systemPath = (name: string) => `${systemsPath}/${encodeURIComponent(name)}`;

/** API paths (relative to /api/v1) of one entity. */
export const apiPath = {
  service: (name: string) => `/services/${encodeURIComponent(name)}`,
  team: (name: string) => `/teams/${encodeURIComponent(name)}`,
  system: (name: string) => `/systems/${encodeURIComponent(name)}`,
};
