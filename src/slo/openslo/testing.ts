import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SloImportFile } from '../model.js';

/** The OpenSLO part of the shared corpus, which tests read in place. */
export const opensloRoot = fileURLToPath(new URL('../../../../shared/corpus/openslo/', import.meta.url));
export const corpusPresent = existsSync(opensloRoot);
if (!corpusPresent) console.warn(`\n!!! ${opensloRoot} is absent: SKIPPING the OpenSLO corpus tests.\n`);

/** A corpus file as an import file, its path relative to the OpenSLO corpus root. */
export function read(path: string): SloImportFile {
  return { path, content: readFileSync(join(opensloRoot, path), 'utf8') };
}

/** Every YAML or JSON file under a corpus folder, sorted, relative to the root. */
export function list(folder: string): string[] {
  if (!corpusPresent) return [];
  const walk = (dir: string): string[] =>
    readdirSync(join(opensloRoot, dir))
      .sort()
      .flatMap((f) =>
        statSync(join(opensloRoot, dir, f)).isDirectory() ? walk(`${dir}/${f}`) : [`${dir}/${f}`],
      );
  return walk(folder).filter((f) => /\.(ya?ml|json)$/.test(f));
}
