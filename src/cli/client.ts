/** A small HTTP client for the CLI: every command that changes Throughline goes through the API. */
export interface ClientOptions {
  url: string;
  token: string;
  tenant?: string;
}

export class CliError extends Error {
  override name = 'CliError';
}

export function clientOptions(opts: { url?: string; token?: string; tenant?: string }): ClientOptions {
  const url = opts.url ?? process.env.THROUGHLINE_URL ?? 'http://127.0.0.1:8080';
  const token = opts.token ?? process.env.THROUGHLINE_TOKEN;
  if (!token) throw new CliError('no token: pass --token or set THROUGHLINE_TOKEN');
  const tenant = opts.tenant ?? process.env.THROUGHLINE_TENANT;
  return { url: url.replace(/\/+$/, ''), token, ...(tenant ? { tenant } : {}) };
}

export async function request<T>(
  opts: ClientOptions,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<T> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${opts.token}`,
    accept: 'application/json',
  };
  if (opts.tenant) headers['throughline-tenant'] = opts.tenant;
  if (body !== undefined) headers['content-type'] = contentType;
  let res: Response;
  try {
    res = await fetch(`${opts.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  } catch (err) {
    throw new CliError(
      `cannot reach ${opts.url}: ${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message}`,
    );
  }
  const text = await res.text();
  if (!res.ok) {
    let reason = `${res.status} ${res.statusText}`;
    try {
      const p = JSON.parse(text) as {
        detail?: string;
        title?: string;
        errors?: { path: string; message: string }[];
      };
      reason = `${res.status} ${p.detail ?? p.title ?? ''}`;
      if (p.errors?.length) reason += ` (${p.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})`;
    } catch {
      // not problem+json: keep the status line
    }
    throw new CliError(reason);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}
