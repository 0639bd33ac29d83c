import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The shared public-data corpus (../shared/corpus beside the repository), read in place by tests
 * and never copied into the project. Tests that need it skip, loudly, when it is absent.
 */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus', import.meta.url));

export function corpusAvailable(what: string): boolean {
  if (existsSync(CORPUS)) return true;
  console.warn(`\n!!! ${CORPUS} is absent: SKIPPING the ${what} corpus tests.\n`);
  return false;
}
