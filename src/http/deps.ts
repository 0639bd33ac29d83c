import type { AccessService } from '../access/service.js';
import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import type { Store } from '../store/database.js';
import type { Migrations } from '../store/migrate.js';

/** What the composition root hands to each capability when it plugs in its routes and tasks. */
export interface AppDeps {
  config: Config;
  store: Store;
  log: Logger;
  clock: Clock;
  access: AccessService;
  migrations: Migrations;
}
