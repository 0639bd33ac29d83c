import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Backstage's own example catalog (packages/catalog-model/examples), which tests read in place. */
export const corpusRoot = fileURLToPath(new URL('../../../shared/corpus/backstage/', import.meta.url));
export const examplesDir = `${corpusRoot}examples`;
export const corpusPresent = existsSync(examplesDir);

/** Says loudly that corpus tests are skipped, so a green run without the corpus is not mistaken. */
export function warnIfCorpusAbsent(): void {
  if (!corpusPresent) console.warn(`\n!!! ${examplesDir} is absent: SKIPPING the Backstage corpus tests.\n`);
}
