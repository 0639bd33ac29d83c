import type { Command } from 'commander';

/** The options every API-backed command takes. */
export function withApiOptions(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'Throughline server URL (THROUGHLINE_URL)')
    .option('--token <token>', 'API token (THROUGHLINE_TOKEN)')
    .option('--tenant <tenant>', 'act in this tenant, for provider-admins (THROUGHLINE_TENANT)')
    .option('--json', 'print JSON');
}
