import { Command } from 'commander';
import { accessCommands } from '../access/cli.js';

import { DomainError } from '../core/errors.js';
import { capabilities } from '../modules.js';
import { serveCommands } from './serve.js';

const program = new Command('throughline')
  .description('Throughline: the value-delivery control plane')
  .showHelpAfterError()
  .exitOverride();

serveCommands(program);
accessCommands(program);
for (const c of capabilities) c.commands?.(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as Error & { code?: string; exitCode?: number };
  if (e.code?.startsWith('commander.')) process.exit(e.exitCode ?? 2);
  // One line, no stack: a CI log should say what went wrong and nothing else.
  console.error(
    `throughline: ${e instanceof DomainError || e.name === 'CliError' ? e.message : e.message || String(err)}`,
  );
  process.exit(typeof e.exitCode === 'number' ? e.exitCode : 2);
}
