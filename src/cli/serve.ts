import { type Command, Option } from 'commander';
import { loadConfig, type SettingName, settings } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { allMigrations } from '../modules.js';
import { startServer } from '../server.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

/** Adds a flag for every setting; a flag wins over its THROUGHLINE_* variable. */
function withSettings(cmd: Command, names: readonly SettingName[]): Command {
  for (const name of names) {
    const s = settings[name];
    cmd.addOption(new Option(s.flag, `${s.help} (${s.env}, default ${s.default || 'none'})`));
  }
  return cmd;
}

export function serveCommands(program: Command): void {
  withSettings(program.command('serve').description('start the server (API, webhooks, console)'), [
    'port',
    'host',
    'databaseUrl',
    'bootstrapToken',
    'bodyLimit',
    'ingestBodyLimit',
    'logLevel',
    'demo',
    'publicUrl',
  ]).action(async (opts: Partial<Record<SettingName, string>>) => {
    const started = performance.now();
    const config = loadConfig(opts);
    const log = createLogger(config.logLevel);
    const running = await startServer(config, { log });
    const ms = Math.round(performance.now() - started);
    // One write, so whoever reads the output (a person, a supervisor, a test) sees the banner whole.
    const banner = [
      '',
      `Throughline is running (${running.deps.store.engine}, ready in ${ms} ms)`,
      `  console: ${running.url}/`,
      `  API:     ${running.url}/api/docs`,
      ...(running.bootstrapToken
        ? [
            '',
            'First start: a provider-admin token was created. It is shown only now; keep it:',
            `  ${running.bootstrapToken}`,
            '',
          ]
        : []),
    ];
    process.stdout.write(`${banner.join('\n')}\n`);
    const stop = async () => {
      await running.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

  withSettings(program.command('migrate').description('apply pending database migrations and exit'), [
    'databaseUrl',
  ]).action(async (opts: Partial<Record<SettingName, string>>) => {
    const config = loadConfig(opts);
    const store = openStore(config.databaseUrl);
    try {
      const { applied } = await migrateToLatest(store.system, allMigrations());
      console.log(applied.length ? `applied ${applied.join(', ')}` : 'migrations are current');
    } finally {
      await store.close();
    }
  });
}
