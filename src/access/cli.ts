import type { Command } from 'commander';
import { withApiOptions } from '../cli/api-options.js';
import { clientOptions, request } from '../cli/client.js';
import { printJson, printTable } from '../cli/output.js';
import { systemClock } from '../core/clock.js';
import { loadConfig } from '../core/config.js';
import { openStore } from '../store/database.js';
import type { Tenant, Token } from './model.js';
import { providerTenantId, type Role } from './roles.js';
import { AccessService } from './service.js';

interface ApiOpts {
  url?: string;
  token?: string;
  tenant?: string;
  json?: boolean;
}

export function accessCommands(program: Command): void {
  const tenant = program.command('tenant').description('manage tenants (customer organisations)');
  withApiOptions(tenant.command('create <id>').description('create a tenant (provider-admin)'))
    .requiredOption('--name <name>', 'display name')
    .option('--time-zone <tz>', 'IANA time zone for day and week boundaries', 'UTC')
    .action(async (id: string, o: ApiOpts & { name: string; timeZone: string }) => {
      const t = await request<Tenant>(clientOptions(o), 'POST', '/api/v1/tenants', {
        id,
        name: o.name,
        timeZone: o.timeZone,
      });
      o.json ? printJson(t) : console.log(`created tenant ${t.id} (${t.name})`);
    });
  withApiOptions(tenant.command('list').description('list tenants')).action(async (o: ApiOpts) => {
    const { items } = await request<{ items: Tenant[] }>(clientOptions(o), 'GET', '/api/v1/tenants');
    o.json ? printJson(items) : printTable(items, ['id', 'name', 'kind', 'timeZone', 'createdAt']);
  });

  const token = program.command('token').description('manage API tokens');
  withApiOptions(token.command('create').description('create an API token; prints its secret once'))
    .requiredOption('--name <name>', 'what the token is for, e.g. "ci-deploy"')
    .option('--role <role>', 'provider-admin, tenant-admin, member or viewer', 'member')
    .option('--expires-in-days <days>', 'expire after this many days')
    .option('--local', 'write directly to the store at --database-url instead of calling the API (recovery)')
    .option('--database-url <url>', 'store for --local (THROUGHLINE_DATABASE_URL)')
    .action(
      async (
        o: ApiOpts & {
          name: string;
          role: Role;
          expiresInDays?: string;
          local?: boolean;
          databaseUrl?: string;
        },
      ) => {
        const input = {
          name: o.name,
          role: o.role,
          ...(o.expiresInDays ? { expiresInDays: Number(o.expiresInDays) } : {}),
        };
        const created = o.local
          ? await createLocal(o.databaseUrl, o.tenant ?? providerTenantId, input)
          : await request<{ token: Token; secret: string }>(
              clientOptions(o),
              'POST',
              '/api/v1/tokens',
              input,
            );
        if (o.json) printJson(created);
        else {
          console.log(
            `created ${created.token.role} token ${created.token.id} in tenant ${created.token.tenant}`,
          );
          console.log(created.secret);
        }
      },
    );
  withApiOptions(token.command('list').description('list API tokens of the tenant')).action(
    async (o: ApiOpts) => {
      const { items } = await request<{ items: Token[] }>(clientOptions(o), 'GET', '/api/v1/tokens');
      o.json
        ? printJson(items)
        : printTable(items, ['id', 'name', 'role', 'expiresAt', 'revokedAt', 'lastUsedAt']);
    },
  );
  withApiOptions(token.command('revoke <id>').description('revoke an API token')).action(
    async (id: string, o: ApiOpts) => {
      const t = await request<Token>(clientOptions(o), 'DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`);
      o.json ? printJson(t) : console.log(`revoked token ${t.id} (${t.name})`);
    },
  );
}

async function createLocal(
  databaseUrl: string | undefined,
  tenant: string,
  input: { name: string; role: Role; expiresInDays?: number },
) {
  const config = loadConfig({ databaseUrl });
  const store = openStore(config.databaseUrl);
  try {
    const access = new AccessService(store, systemClock);
    const principal = {
      homeTenant: providerTenantId,
      role: 'provider-admin' as const,
      tokenId: 'cli-local',
      name: 'cli',
    };
    if (!(await access.getTenant(tenant)))
      throw new Error(`tenant ${tenant} not found in ${config.databaseUrl}`);
    return await access.createToken(store.forTenant(tenant), principal, input);
  } finally {
    await store.close();
  }
}
