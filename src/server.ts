import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { AccessService } from './access/service.js';
import { type Clock, systemClock } from './core/clock.js';
import type { Config } from './core/config.js';
import { newId } from './core/ids.js';
import { createLogger, type Logger } from './core/logger.js';
import { seedDemo } from './demo/seed.js';
import { createApp } from './http/app.js';
import type { AppDeps } from './http/deps.js';
import { Scheduler } from './jobs/scheduler.js';
import { allMigrations, capabilities } from './modules.js';
import { openStore, type Store } from './store/database.js';
import { migrateToLatest } from './store/migrate.js';

export interface Running {
  url: string;
  deps: AppDeps;
  /** The first provider-admin token, when this start created it (printed once, never stored). */
  bootstrapToken?: string;
  close(): Promise<void>;
}

/** Opens the store, migrates it, wires every capability. No network: tests use `app.request()`. */
export async function assemble(
  config: Config,
  opts: { log?: Logger; clock?: Clock; store?: Store } = {},
): Promise<{ deps: AppDeps; app: ReturnType<typeof createApp>['app']; bootstrapToken?: string }> {
  const log = opts.log ?? createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  const store = opts.store ?? openStore(config.databaseUrl);
  const migrations = allMigrations();
  const { applied } = await migrateToLatest(store.system, migrations);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const access = new AccessService(store, clock);
  const { token } = await access.bootstrap(config.bootstrapToken);
  const deps: AppDeps = { config, store, log, clock, access, migrations };
  const { app } = createApp(
    deps,
    capabilities.flatMap((c) => (c.routes ? [c.routes] : [])),
  );
  if (config.demo === 'on' && (await seedDemo(app, deps))) log.info('demo tenant "demo" created');
  return { deps, app, ...(token ? { bootstrapToken: token } : {}) };
}

/** Starts the HTTP server and the background scheduler. */
export async function startServer(
  config: Config,
  opts: { log?: Logger; clock?: Clock } = {},
): Promise<Running> {
  const { deps, app, bootstrapToken } = await assemble(config, opts);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url =
    config.publicUrl || `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const scheduler = new Scheduler({
    store: deps.store,
    clock: deps.clock,
    log: deps.log,
    holder: `${process.pid}-${newId()}`,
    tasks: capabilities.flatMap((c) => c.tasks?.(deps) ?? []),
  });
  scheduler.start();
  return {
    url,
    deps,
    ...(bootstrapToken ? { bootstrapToken } : {}),
    async close() {
      await scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.store.close();
    },
  };
}
