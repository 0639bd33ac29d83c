import { z } from 'zod';

/** Every setting, its environment variable and its default. The README's configuration table mirrors this. */
export const settings = {
  port: { env: 'THROUGHLINE_PORT', flag: '--port <port>', help: 'HTTP port to listen on', default: '8080' },
  host: { env: 'THROUGHLINE_HOST', flag: '--host <host>', help: 'address to bind', default: '127.0.0.1' },
  databaseUrl: {
    env: 'THROUGHLINE_DATABASE_URL',
    flag: '--database-url <url>',
    help: 'sqlite:PATH (embedded) or postgres://… (production)',
    default: 'sqlite:./data/throughline.db',
  },
  bootstrapToken: {
    env: 'THROUGHLINE_BOOTSTRAP_TOKEN',
    flag: '--bootstrap-token <token>',
    help: 'first provider-admin token on an empty store (otherwise one is generated and printed once)',
    default: '',
  },
  bodyLimit: {
    env: 'THROUGHLINE_BODY_LIMIT',
    flag: '--body-limit <bytes>',
    help: 'largest accepted request body in bytes',
    default: String(1024 * 1024),
  },
  ingestBodyLimit: {
    env: 'THROUGHLINE_INGEST_BODY_LIMIT',
    flag: '--ingest-body-limit <bytes>',
    help: 'largest accepted body for event ingest and webhooks (batches, NDJSON) in bytes',
    default: String(32 * 1024 * 1024),
  },
  logLevel: {
    env: 'THROUGHLINE_LOG_LEVEL',
    flag: '--log-level <level>',
    help: 'fatal, error, warn, info, debug, trace or silent',
    default: 'info',
  },
  demo: {
    env: 'THROUGHLINE_DEMO',
    flag: '--demo <on|off>',
    help: 'seed a demo tenant with demo data on an empty store',
    default: 'on',
  },
  publicUrl: {
    env: 'THROUGHLINE_PUBLIC_URL',
    flag: '--public-url <url>',
    help: 'URL printed for the console and used in links (defaults to http://HOST:PORT)',
    default: '',
  },
} as const;

export type SettingName = keyof typeof settings;

const schema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  databaseUrl: z.string().regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://'),
  bootstrapToken: z.string(),
  bodyLimit: z.coerce.number().int().positive(),
  ingestBodyLimit: z.coerce.number().int().positive(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  demo: z.enum(['on', 'off']),
  publicUrl: z.string(),
});

export type Config = z.infer<typeof schema>;

/** Flags win over environment variables, which win over defaults. */
export function loadConfig(
  overrides: Partial<Record<SettingName, string | undefined>> = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const raw: Record<string, string> = {};
  for (const [name, s] of Object.entries(settings)) {
    raw[name] = overrides[name as SettingName] ?? env[s.env] ?? s.default;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]) as SettingName;
    throw new Error(`invalid ${settings[name].env}: ${issue.message}`);
  }
  return parsed.data;
}
