import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { accessCommands } from '../src/access/cli.js';
import { serveCommands } from '../src/cli/serve.js';
import { settings } from '../src/core/config.js';
import { capabilities } from '../src/modules.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The README is the manual: a setting or command it does not mention does not exist for a user. */
describe('README stays true to the code', () => {
  it('documents every setting with its variable, flag and default', () => {
    for (const s of Object.values(settings)) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${s.env}\``));
      expect(row, s.env).toBeDefined();
      expect(row).toContain(`\`${s.flag.split(' ')[0]}\``);
      if (s.default && !s.default.startsWith('http')) expect(row).toContain(s.default);
    }
  });

  it('lists every CLI command', () => {
    const program = new Command();
    serveCommands(program);
    accessCommands(program);
    for (const c of capabilities) c.commands?.(program);
    for (const cmd of program.commands) {
      expect(readme, cmd.name()).toMatch(new RegExp(`\\| \`${cmd.name()}[ \`]`));
    }
  });
});
