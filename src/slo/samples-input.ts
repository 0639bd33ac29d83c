import type { FieldIssue } from '../core/errors.js';
import { z } from '../core/zod.js';
import { zodIssues } from '../http/problem.js';
import type { SliSample } from './samples.js';

const base = { sli: z.string().min(1).max(253), t: z.iso.datetime({ offset: true }) };
export const ratioSampleSchema = z
  .strictObject({ ...base, good: z.number().min(0), total: z.number().min(0) })
  .refine((s) => s.good <= s.total, { path: ['good'], message: 'good cannot exceed total' });
export const valueSampleSchema = z.strictObject({ ...base, value: z.number() });
export const sampleSchema = z.union([ratioSampleSchema, valueSampleSchema]).openapi('SliSample');
export const samplesRequestSchema = z
  .strictObject({ samples: z.array(sampleSchema).min(1).max(100_000) })
  .openapi('SliSamplesRequest');

/** Samples later than this ahead of the server clock are refused (a wrong clock, not a sample). */
const MAX_FUTURE_MS = 5 * 60_000;

export interface DecodedSample {
  index: number;
  sli?: string;
  sample?: SliSample;
  issues?: FieldIssue[];
}

/** One sample checked on its own; issues carry paths from `prefix` (e.g. `/samples/3`). */
export function decodeSample(value: unknown, index: number, prefix: string, now: number): DecodedSample {
  const isValue = value !== null && typeof value === 'object' && 'value' in value;
  const parsed = (isValue ? valueSampleSchema : ratioSampleSchema).safeParse(value);
  if (!parsed.success) {
    return {
      index,
      issues: zodIssues(parsed.error).map((i) => ({
        ...i,
        path: `${prefix}${i.path === '/' ? '' : i.path}`,
      })),
    };
  }
  const t = Date.parse(parsed.data.t);
  if (t > now + MAX_FUTURE_MS)
    return { index, issues: [{ path: `${prefix}/t`, message: 'is in the future' }] };
  const sample: SliSample =
    'value' in parsed.data
      ? { t, value: parsed.data.value }
      : { t, good: parsed.data.good, total: parsed.data.total };
  return { index, sli: parsed.data.sli, sample };
}

/**
 * A samples request body: JSON `{samples: [...]}` or NDJSON, one sample per line. A body that is
 * not of that shape at all is one issue at its root; otherwise each sample stands on its own.
 */
export function decodeSamples(
  body: string,
  opts: { ndjson: boolean; now: number },
): { samples: DecodedSample[] } | { malformed: true } | { issues: FieldIssue[] } {
  if (opts.ndjson) {
    const out: DecodedSample[] = [];
    for (const line of body.split('\n')) {
      if (line.trim() === '') continue;
      const index = out.length;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        out.push({ index, issues: [{ path: `/${index}`, message: 'malformed JSON' }] });
        continue;
      }
      out.push(decodeSample(value, index, `/${index}`, opts.now));
    }
    return out.length ? { samples: out } : { issues: [{ path: '/', message: 'no samples' }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { malformed: true };
  }
  const shape = z.strictObject({ samples: z.array(z.unknown()).min(1).max(100_000) }).safeParse(value);
  if (!shape.success) return { issues: zodIssues(shape.error) };
  return { samples: shape.data.samples.map((s, i) => decodeSample(s, i, `/samples/${i}`, opts.now)) };
}
