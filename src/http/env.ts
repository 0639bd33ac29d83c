import type { Principal } from '../access/service.js';
import type { Logger } from '../core/logger.js';
import type { TenantDb } from '../store/database.js';

/** What middleware puts on every request's context before a capability's handler runs. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    principal: Principal;
    /** The tenant this request acts in, and the database scoped to it: the only one handlers get. */
    tenant: string;
    db: TenantDb;
  };
}
