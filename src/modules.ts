import type { Command } from 'commander';
import { accessMigrations } from './access/migrations.js';
import { accessRoutes } from './access/routes.js';
import { catalogCommands } from './catalog/cli.js';
import { catalogMigrations } from './catalog/migrations.js';
import { catalogRoutes } from './catalog/routes.js';
import { gatesCommands } from './gates/cli.js';
import { gatesMigrations } from './gates/migrations.js';
import { gatesRoutes } from './gates/routes.js';
import { gatesTasks } from './gates/tasks.js';
import type { RouteSet } from './http/app.js';
import { consoleRoutes } from './http/console-routes.js';
import type { AppDeps } from './http/deps.js';
import { systemRoutes } from './http/system-routes.js';
import type { PeriodicTask } from './jobs/scheduler.js';
import { ledgerCommands } from './ledger/cli.js';
import { deriveAllTenants } from './ledger/derive.js';
import { ledgerMigrations } from './ledger/migrations.js';
import { ledgerRoutes } from './ledger/routes.js';
import { measuresCommands } from './measures/cli.js';
import { refreshAllTenants } from './measures/maintain.js';
import { measuresMigrations } from './measures/migrations.js';
import { measuresRoutes } from './measures/routes.js';
import { alertAllTenants } from './slo/alerts.js';
import { sloCommands } from './slo/cli.js';
import { sloMigrations } from './slo/migrations.js';
import { pullAllTenants } from './slo/pull-task.js';
import { sloRoutes } from './slo/routes.js';
import type { Migrations } from './store/migrate.js';

/** A capability plugs into the server and CLI through this shape; `capabilities` lists them all. */
export interface Capability {
  name: string;
  migrations?: Migrations;
  routes?: RouteSet;
  tasks?: (deps: AppDeps) => PeriodicTask[];
  commands?: (program: Command) => void;
}

export const capabilities: Capability[] = [
  { name: 'system', routes: systemRoutes },
  {
    name: 'access',
    migrations: accessMigrations,
    routes: accessRoutes,
    tasks: (deps) => [
      { name: 'access.purge-sessions', everyMs: 60_000, run: () => deps.access.purgeExpiredSessions() },
    ],
  },
  { name: 'catalog', migrations: catalogMigrations, routes: catalogRoutes, commands: catalogCommands },
  {
    name: 'ledger',
    migrations: ledgerMigrations,
    routes: ledgerRoutes,
    commands: ledgerCommands,
    tasks: (deps) => [
      {
        name: 'ledger.derive',
        everyMs: 2_000,
        run: () => deriveAllTenants(deps.store, () => deps.clock.now()),
      },
    ],
  },
  {
    name: 'measures',
    migrations: measuresMigrations,
    routes: measuresRoutes,
    commands: measuresCommands,
    tasks: (deps) => [
      {
        name: 'measures.rollup',
        everyMs: 5_000,
        run: () => refreshAllTenants(deps.store, () => deps.clock.now()),
      },
    ],
  },
  {
    name: 'slo',
    migrations: sloMigrations,
    routes: sloRoutes,
    commands: sloCommands,
    tasks: (deps) => [
      {
        name: 'slo.alerts',
        everyMs: 60_000,
        run: () => alertAllTenants(deps.store, () => deps.clock.now()),
      },
      {
        name: 'slo.pull',
        everyMs: 60_000,
        run: () => pullAllTenants(deps.store, { now: () => deps.clock.now(), log: deps.log }),
      },
    ],
  },
  {
    name: 'gates',
    migrations: gatesMigrations,
    routes: gatesRoutes,
    commands: gatesCommands,
    tasks: gatesTasks,
  },
  // The console's catch-all route goes last.
  { name: 'console', routes: consoleRoutes },
];

export function allMigrations(): Migrations {
  return Object.assign({}, ...capabilities.map((c) => c.migrations ?? {}));
}
