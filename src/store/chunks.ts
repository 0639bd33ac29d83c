/**
 * Splitting work for multi-row and `in (…)` statements, the same way in every store: each
 * statement stays well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
 */
export const maxParams = 30_000;

export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Chunks for multi-row inserts whose rows take `width` parameters each. */
export function chunksOfWidth<T>(items: readonly T[], width: number): T[][] {
  return chunks(items, Math.max(1, Math.floor(maxParams / width)));
}

/** Runs a query per chunk of keys and concatenates the rows. */
export async function inChunks<T, R>(items: readonly T[], run: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunks(items)) out.push(...(await run(part)));
  return out;
}
