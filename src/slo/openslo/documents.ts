import { parseAllDocuments } from 'yaml';
import type { SloImportFile, SloImportIssue } from '../model.js';

export interface RawObject {
  /** Position in the file: YAML documents and the items of a top-level list, counted together. */
  index: number;
  value: unknown;
}

// YAML 1.2 core schema: `startTime: 2020-01-21 12:30:00` stays a string, as sigs.k8s.io/yaml reads it.
export const yamlOptions = { version: '1.2', schema: 'core' } as const;

/**
 * Every object of an OpenSLO file: YAML or JSON, one object, a list of objects, or several
 * documents (go-sdk accepts all three). A malformed document is reported and the others still count.
 */
export function readObjects(file: SloImportFile): { objects: RawObject[]; issues: SloImportIssue[] } {
  const objects: RawObject[] = [];
  const issues: SloImportIssue[] = [];
  for (const doc of parseAllDocuments(file.content, yamlOptions)) {
    const index = objects.length + issues.length;
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      const at = e.linePos?.[0];
      const where = at ? ` at line ${at.line}, column ${at.col}` : '';
      const reason = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      issues.push({
        file: file.path,
        document: index,
        path: '/',
        message: `malformed YAML${where}: ${reason}`,
      });
      continue;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value == null) continue; // an empty document (trailing `---`, only comments)
    if (Array.isArray(value)) {
      for (const item of value) objects.push({ index: objects.length + issues.length, value: item });
    } else objects.push({ index, value });
  }
  return { objects, issues };
}
