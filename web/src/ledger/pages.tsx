import type { ConsoleCapability } from '../capability.js';
import { DeploymentPage } from './deployment-page.js';
import { DeploymentsPage } from './deployments-page.js';
import { IngestPage } from './ingest-page.js';
import { deploymentsPath, ingestPath } from './paths.js';

const section = 'Delivery';

export const ledgerPages: ConsoleCapability = {
  name: 'ledger',
  nav: [
    { section, label: 'Deployments', to: deploymentsPath },
    { section, label: 'Ingest', to: ingestPath },
  ],
  routes: [
    { path: deploymentsPath, element: <DeploymentsPage /> },
    { path: `${deploymentsPath}/:id`, element: <DeploymentPage /> },
    { path: ingestPath, element: <IngestPage /> },
  ],
};
