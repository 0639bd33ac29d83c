import type { ConsoleCapability } from '../capability.js';
import { DashboardPage } from './dashboard-page.js';
import { EventsPage } from './events-page.js';
import { doraEventsPath, doraPath, portfolioPath } from './paths.js';
import { PortfolioPage } from './portfolio-page.js';

const section = 'Measures';

export const measuresPages: ConsoleCapability = {
  name: 'measures',
  nav: [
    { section, label: 'DORA', to: doraPath },
    { section, label: 'Portfolio', to: portfolioPath, requires: 'provider-admin' },
  ],
  routes: [
    { path: doraPath, element: <DashboardPage /> },
    { path: doraEventsPath, element: <EventsPage /> },
    { path: portfolioPath, element: <PortfolioPage /> },
  ],
};
