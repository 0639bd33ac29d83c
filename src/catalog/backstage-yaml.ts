import { posix } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import type { ImportFile, ImportIssue } from './model.js';

export interface YamlDocument {
  index: number;
  value: unknown;
}

const yamlOptions = { version: '1.2', schema: 'core' } as const;

/**
 * Every document of a multi-document YAML file (YAML 1.2 core schema, so `yes` and `on` stay
 * strings). A malformed document is reported with its line and skipped; the others still count.
 */
export function readYamlDocuments(file: ImportFile): { documents: YamlDocument[]; issues: ImportIssue[] } {
  const documents: YamlDocument[] = [];
  const issues: ImportIssue[] = [];
  parseAllDocuments(file.content, yamlOptions).forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const at = e.linePos?.[0];
        const reason = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        const where = at ? ` at line ${at.line}, column ${at.col}` : '';
        issues.push({
          file: file.path,
          document: index,
          path: '/',
          message: `malformed YAML${where}: ${reason}`,
        });
      }
      return;
    }
    try {
      const value = doc.toJS({ maxAliasCount: 100 });
      // An empty document (a trailing `---`, only comments) holds nothing to import.
      if (value != null) documents.push({ index, value });
    } catch (err) {
      issues.push({ file: file.path, document: index, path: '/', message: (err as Error).message });
    }
  });
  return { documents, issues };
}

/** A target with a scheme (`https:`, `url:`) is remote: an import cannot check it. */
export function isRemote(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/** Resolves a relative target against the file that names it, as Backstage resolves Location targets. */
export function resolveTarget(fromFile: string, target: string): string {
  return posix.normalize(posix.join(posix.dirname(fromFile), target)).replace(/^\.\//, '');
}

const placeholderKeys = new Set(['$text', '$json', '$yaml']);

type Report = (path: PropertyKey[], message: string) => void;

/**
 * Replaces `{$text: ./file}` (and `$json`, `$yaml`) with the content of that file when the import
 * carries it, as Backstage's placeholder processor does. Remote targets are left for a processor
 * that can fetch; a local one missing from the import is reported.
 */
export function resolvePlaceholders(
  value: unknown,
  ctx: { file: string; files: ReadonlyMap<string, string>; report: Report; path?: PropertyKey[] },
): unknown {
  const path = ctx.path ?? [];
  if (Array.isArray(value)) {
    return value.map((v, i) => resolvePlaceholders(v, { ...ctx, path: [...path, i] }));
  }
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length === 1 && only![0].startsWith('$')) {
    const [key, target] = only!;
    if (!placeholderKeys.has(key)) {
      ctx.report([...path, key], `unknown placeholder ${key}; use $text, $json or $yaml`);
      return value;
    }
    if (typeof target !== 'string' || target === '') {
      ctx.report([...path, key], 'placeholder target must be a non-empty string');
      return value;
    }
    if (isRemote(target)) return value;
    const resolved = resolveTarget(ctx.file, target);
    const content = ctx.files.get(resolved);
    if (content === undefined) {
      ctx.report([...path, key], `placeholder target "${target}" (${resolved}) is not in the import`);
      return value;
    }
    try {
      return key === '$text' ? content : key === '$json' ? JSON.parse(content) : parse(content, yamlOptions);
    } catch (err) {
      ctx.report([...path, key], `cannot read ${resolved}: ${(err as Error).message.split('\n')[0]}`);
      return value;
    }
  }
  return Object.fromEntries(
    entries.map(([k, v]) => [k, resolvePlaceholders(v, { ...ctx, path: [...path, k] })]),
  );
}

/** Files that local placeholders point at: definitions (OpenAPI, proto), not entity files. */
export function placeholderTargets(file: string, value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) placeholderTargets(file, v, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length === 1 && placeholderKeys.has(only![0]) && typeof only![1] === 'string') {
    if (!isRemote(only![1])) into.add(resolveTarget(file, only![1]));
    return;
  }
  for (const [, v] of entries) placeholderTargets(file, v, into);
}
