/**
 * Safe reads from webhook payloads, which are untyped JSON: a mapper never throws on a missing or
 * oddly typed field, it just leaves the fact's field out.
 */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Drops undefined fields, so facts carry only what the source said (and compare cleanly in tests). */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Label names from GitHub (`{name}`) or GitLab (`{title}`) label objects, or plain strings. */
export function labelNames(labels: unknown): string[] {
  return arr(labels)
    .map((l) => (typeof l === 'string' ? l : (str(obj(l).name) ?? str(obj(l).title))))
    .filter((l): l is string => l !== undefined);
}

/** A full 40-hex git sha, else undefined (GitHub's target_commitish is often a branch name). */
export function fullSha(value: unknown): string | undefined {
  const s = str(value);
  return s && /^[0-9a-f]{40}$/i.test(s) ? s.toLowerCase() : undefined;
}

export const ZERO_SHA = '0000000000000000000000000000000000000000';
