import { PrometheusQueryError } from './errors.js';
import { splitRange } from './range-chunks.js';

/** One point of a range-query series; `v` may be NaN or ±Infinity, as PromQL allows. */
export interface Point {
  /** Evaluation time, epoch milliseconds. */
  readonly t: number;
  readonly v: number;
}

export interface Series {
  readonly metric: Readonly<Record<string, string>>;
  readonly points: readonly Point[];
}

export interface Matrix {
  readonly series: readonly Series[];
  /** Prometheus `warnings` (e.g. partial results from Thanos), kept for the caller's log. */
  readonly warnings: readonly string[];
}

export interface QueryRangeOptions {
  /** Prometheus (or Thanos, Mimir, VictoriaMetrics) root, with any path prefix: `http://prom:9090/sub`. */
  readonly baseUrl: string;
  readonly query: string;
  /** First and last evaluation time, epoch milliseconds (inclusive, as in the HTTP API). */
  readonly start: number;
  readonly end: number;
  readonly stepSeconds: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  /** POST form-encoded (the default: long queries fit, and Grafana does the same) or GET. */
  readonly method?: 'GET' | 'POST';
  /** Prometheus refuses more than 11,000 points per series; longer ranges become several requests. */
  readonly maxPointsPerSeries?: number;
  readonly fetch?: typeof fetch;
}

/** Prometheus' own limit (web/api/v1: "exceeded maximum resolution of 11,000 points per timeseries"). */
export const MAX_POINTS_PER_SERIES = 11_000;

/** GET /api/v1/query_range, split into requests of at most `maxPointsPerSeries` points per series. */
export async function queryRange(options: QueryRangeOptions): Promise<Matrix> {
  const stepMs = options.stepSeconds * 1000;
  const maxPoints = options.maxPointsPerSeries ?? MAX_POINTS_PER_SERIES;
  if (!(stepMs > 0)) throw new RangeError(`stepSeconds must be positive, not ${options.stepSeconds}`);
  if (options.end < options.start) return { series: [], warnings: [] };
  // Evaluation points are start, start + step, … ≤ end; a piece of maxPoints steps holds maxPoints points.
  const pieces = splitRange({ start: options.start, end: options.end + stepMs, stepMs }, maxPoints);
  const bySeries = new Map<string, { metric: Record<string, string>; points: Point[] }>();
  const warnings: string[] = [];
  for (const piece of pieces) {
    const part = await requestOnce(options, piece.start, piece.end - stepMs);
    warnings.push(...part.warnings);
    for (const s of part.series) {
      const key = seriesKey(s.metric);
      const seen = bySeries.get(key);
      if (seen) seen.points.push(...s.points);
      else bySeries.set(key, { metric: { ...s.metric }, points: [...s.points] });
    }
  }
  return { series: [...bySeries.values()], warnings };
}

const seriesKey = (metric: Readonly<Record<string, string>>) =>
  JSON.stringify(Object.entries(metric).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

async function requestOnce(options: QueryRangeOptions, start: number, end: number): Promise<Matrix> {
  const { query } = options;
  const params = new URLSearchParams({
    query,
    start: (start / 1000).toFixed(3),
    end: (end / 1000).toFixed(3),
    step: String(options.stepSeconds),
  });
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const url = new URL('api/v1/query_range', base);
  const post = (options.method ?? 'POST') === 'POST';
  if (!post) url.search = params.toString();
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: post ? 'POST' : 'GET',
      headers: {
        accept: 'application/json',
        ...(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...options.headers,
      },
      body: post ? params.toString() : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (err) {
    const timeout = err instanceof Error && err.name === 'TimeoutError';
    const reason = timeout ? `no answer within ${options.timeoutMs ?? 30_000} ms` : networkReason(err);
    throw new PrometheusQueryError(`${reason} from ${origin(url)}`, {
      failure: timeout ? 'timeout' : 'network',
      query,
      cause: err,
    });
  }
  const text = await response.text();
  const body = parseJson(text);
  if (isRecord(body) && body.status === 'error') {
    const errorType = typeof body.errorType === 'string' ? body.errorType : undefined;
    throw new PrometheusQueryError(`${errorType ?? 'error'}: ${String(body.error)}`, {
      failure: 'prometheus',
      query,
      errorType,
      status: response.status,
    });
  }
  if (!response.ok) {
    throw new PrometheusQueryError(`HTTP ${response.status} from ${origin(url)}: ${text.slice(0, 200)}`, {
      failure: 'http',
      query,
      status: response.status,
    });
  }
  return parseMatrix(body, query);
}

/** Scheme, host and path, without user info that may hold a password. */
const origin = (url: URL) => `${url.protocol}//${url.host}${url.pathname}`;

function networkReason(err: unknown): string {
  // undici says only "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND) is in the cause.
  const cause =
    err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function parseMatrix(body: unknown, query: string): Matrix {
  const fail = (why: string) => new PrometheusQueryError(why, { failure: 'response', query });
  if (!isRecord(body) || body.status !== 'success' || !isRecord(body.data)) throw fail('not a success body');
  const { resultType, result } = body.data;
  if (resultType !== 'matrix' || !Array.isArray(result)) {
    throw fail(`expected a matrix, got ${String(resultType)}`);
  }
  const series = result.map((s: unknown): Series => {
    if (!isRecord(s) || !isRecord(s.metric)) throw fail('a series without labels');
    const values = Array.isArray(s.values) ? s.values : [];
    return {
      metric: s.metric as Record<string, string>,
      points: values.map((pair: unknown) => {
        if (!Array.isArray(pair) || typeof pair[0] !== 'number' || typeof pair[1] !== 'string') {
          throw fail(`a point that is not [time, "value"]: ${JSON.stringify(pair)}`);
        }
        const v = sampleValue(pair[1]);
        if (v === undefined) throw fail(`a value that is not a number: ${JSON.stringify(pair[1])}`);
        return { t: Math.round(pair[0] * 1000), v };
      }),
    };
  });
  const warnings = Array.isArray(body.warnings) ? body.warnings.map(String) : [];
  return { series, warnings };
}

/** Prometheus writes values as Go's FormatFloat does: "NaN", "+Inf" and "-Inf", which Number() misreads. */
export function sampleValue(text: string): number | undefined {
  if (text === 'NaN') return Number.NaN;
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  const v = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isNaN(v) ? undefined : v;
}
