import type { ConsoleCapability } from '../capability.js';
import { SloImportPage } from './import-page.js';
import { NotificationsPage } from './notifications-page.js';
import { sloImportPath, sloNotificationsPath, slosPath } from './paths.js';
import { SloPage } from './slo-page.js';
import { SlosPage } from './slos-page.js';

const section = 'Reliability';

export const sloPages: ConsoleCapability = {
  name: 'slo',
  nav: [{ section, label: 'SLOs', to: slosPath }],
  routes: [
    { path: slosPath, element: <SlosPage /> },
    { path: sloImportPath, element: <SloImportPage /> },
    { path: sloNotificationsPath, element: <NotificationsPage /> },
    { path: `${slosPath}/:name`, element: <SloPage /> },
  ],
};
