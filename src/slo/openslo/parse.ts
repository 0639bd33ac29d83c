import { pointer } from '../../core/errors.js';
import type { SloImportFile, SloImportIssue, SloObject } from '../model.js';
import { checkObject } from './check.js';
import { readObjects } from './documents.js';
import { inlineReferences, type Located } from './resolve.js';

export interface ParseOpenSloOptions {
  /**
   * `inline` (default) replaces each reference with the object it names and fails the referring
   * object when that is missing; `inline-and-remove` also drops the objects that were referenced;
   * `keep` leaves references as they are (they may name objects stored earlier).
   */
  references?: 'inline' | 'inline-and-remove' | 'keep';
}

export interface OpenSloImport {
  /** Every object without problems, normalised to the model. */
  objects: SloObject[];
  /** Every problem found; an object with any problem is left out, the rest still import. */
  errors: SloImportIssue[];
}

/**
 * Normalises a set of OpenSLO files (openslo/v1; openslo/v1alpha and openslo.com/v2alpha are
 * rewritten to v1 first). Reports all problems at once, each with file, object, path and reason.
 */
export function parseOpenSlo(
  files: readonly SloImportFile[],
  options: ParseOpenSloOptions = {},
): OpenSloImport {
  const errors: SloImportIssue[] = [];
  const entries: Located[] = [];
  for (const file of files) {
    const { objects, issues } = readObjects(file);
    errors.push(...issues);
    for (const raw of objects) {
      const report = (path: PropertyKey[], message: string) =>
        errors.push({ file: file.path, document: raw.index, path: pointer(path), message });
      const before = errors.length;
      const object = checkObject(raw.value, report);
      if (object && errors.length === before) entries.push({ object, report });
    }
  }
  const mode = options.references ?? 'inline';
  const objects =
    mode === 'keep' ? entries.map((e) => e.object) : inlineReferences(entries, mode === 'inline-and-remove');
  return { objects, errors };
}
