import type { ConsoleCapability } from '../capability.js';
import { ImportPage } from './import-page.js';
import { importPath, servicesPath, systemsPath, teamsPath } from './paths.js';
import { ServicePage } from './service-page.js';
import { ServicesPage } from './services-page.js';
import { SystemPage } from './system-page.js';
import { SystemsPage } from './systems-page.js';
import { TeamPage } from './team-page.js';
import { TeamsPage } from './teams-page.js';

const section = 'Catalog';

export const catalogPages: ConsoleCapability = {
  name: 'catalog',
  nav: [
    { section, label: 'Services', to: servicesPath },
    { section, label: 'Teams', to: teamsPath },
    { section, label: 'Systems', to: systemsPath },
    { section, label: 'Import', to: importPath },
  ],
  routes: [
    { path: servicesPath, element: <ServicesPage /> },
    { path: `${servicesPath}/:name`, element: <ServicePage /> },
    { path: teamsPath, element: <TeamsPage /> },
    { path: `${teamsPath}/:name`, element: <TeamPage /> },
    { path: systemsPath, element: <SystemsPage /> },
    { path: `${systemsPath}/:name`, element: <SystemPage /> },
    { path: importPath, element: <ImportPage /> },
  ],
};
