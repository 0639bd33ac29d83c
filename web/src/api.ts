/** The console's only way to the server: same-origin fetch, the session cookie, problem+json errors. */

/** Provider-admins choose the tenant they act in with this header (see src/http/auth.ts). */
export const tenantHeader = 'throughline-tenant';

export interface FieldError {
  path: string;
  message: string;
  /** Which part of the request was wrong: body, query, path. */
  in?: string;
}

/** An RFC 9457 problem returned by the API, or a network failure dressed as one. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: readonly FieldError[];
  readonly requestId: string | undefined;

  constructor(p: {
    status: number;
    title: string;
    detail?: string;
    errors?: FieldError[];
    requestId?: string;
  }) {
    super(p.detail || p.title);
    this.name = 'ApiError';
    this.status = p.status;
    this.title = p.title;
    this.detail = p.detail ?? '';
    this.errors = p.errors ?? [];
    this.requestId = p.requestId;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  tenant?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** Sends one request and returns its JSON body (undefined for 204); throws ApiError otherwise. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (opts.tenant) headers[tenantHeader] = opts.tenant;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, title: 'Network error', detail: 'the server could not be reached' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const body = parseJson(text);
  if (!res.ok) throw toApiError(res, body, text);
  return body as T;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(res: Response, body: unknown, text: string): ApiError {
  const isProblem = (res.headers.get('content-type') ?? '').includes('json') && isRecord(body);
  if (!isProblem) {
    return new ApiError({
      status: res.status,
      title: res.statusText || `HTTP ${res.status}`,
      detail: text.slice(0, 300),
    });
  }
  const p = body as Record<string, unknown>;
  const errors = Array.isArray(p.errors)
    ? p.errors.filter(isRecord).map((e) => ({
        path: String(e.path ?? ''),
        message: String(e.message ?? ''),
        ...(typeof e.in === 'string' ? { in: e.in } : {}),
      }))
    : [];
  return new ApiError({
    status: typeof p.status === 'number' ? p.status : res.status,
    title: typeof p.title === 'string' ? p.title : res.statusText || `HTTP ${res.status}`,
    ...(typeof p.detail === 'string' ? { detail: p.detail } : {}),
    ...(typeof p.requestId === 'string' ? { requestId: p.requestId } : {}),
    errors,
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A client bound to the tenant the console acts in; it reports a lost session once, centrally. */
export interface ApiClient {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
}

export function createApiClient(opts: { tenant?: string; onUnauthorized?: () => void }): ApiClient {
  async function call<T>(path: string, o: RequestOptions): Promise<T> {
    try {
      return await request<T>(`/api/v1${path}`, { ...o, tenant: opts.tenant });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) opts.onUnauthorized?.();
      throw err;
    }
  }
  return {
    get: (path, signal) => call(path, { signal }),
    post: (path, body) => call(path, { method: 'POST', body }),
    put: (path, body) => call(path, { method: 'PUT', body }),
    delete: (path) => call(path, { method: 'DELETE' }),
  };
}

/** Builds `?a=1&b=2` from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
