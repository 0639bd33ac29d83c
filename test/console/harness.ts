import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/core/config.js';
import { type Running, startServer } from '../../src/server.js';

export const bootstrapToken = 'console-test-bootstrap-token-0123456789';

const web = fileURLToPath(new URL('../../web/', import.meta.url));
const builtIndex = join(web, 'dist', 'index.html');

/** Builds the console when web/dist is missing or older than any of its sources. */
export async function ensureConsoleBuilt(): Promise<void> {
  const built = mtime(builtIndex);
  const sources = [join(web, 'index.html'), join(web, 'vite.config.ts'), ...files(join(web, 'src'))];
  if (built !== undefined && sources.every((f) => (mtime(f) ?? 0) <= built)) return;
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

function mtime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export interface ApiOptions {
  body?: unknown;
  tenant?: string;
  /** The body's media type; JSON unless told (e.g. `application/cloudevents-batch+json`). */
  contentType?: string;
}

export interface ConsoleHarness {
  url: string;
  browser: Browser;
  /** Calls the API with the bootstrap (provider-admin) token; throws on any non-2xx. */
  api<T = unknown>(method: string, path: string, opts?: ApiOptions): Promise<T>;
  /** A fresh browser context (its own cookies and storage), signed in with `token` when given. */
  open(opts?: { token?: string; path?: string }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** A real server on port 0 over a fresh SQLite file, and a headless Chromium pointed at it. */
export async function startConsole(): Promise<ConsoleHarness> {
  await ensureConsoleBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'throughline-console-'));
  let server: Running | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  try {
    server = await startServer(
      loadConfig({
        port: '0',
        host: '127.0.0.1',
        publicUrl: '',
        databaseUrl: `sqlite:${join(dir, 'console.db')}`,
        bootstrapToken,
        logLevel: 'silent',
        demo: 'off',
      }),
    );
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (err) {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const url = server.url;
  const b = browser;
  const s = server;

  async function api<T>(method: string, path: string, opts: ApiOptions = {}) {
    const headers: Record<string, string> = { authorization: `Bearer ${bootstrapToken}` };
    if (opts.tenant) headers['throughline-tenant'] = opts.tenant;
    if (opts.body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
    const res = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    url,
    browser: b,
    api,
    async open(opts = {}) {
      const context = await b.newContext({ baseURL: url, viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      if (opts.token) {
        const res = await context.request.post('/api/session', { data: { token: opts.token } });
        if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
      }
      const page = await context.newPage();
      await page.goto(opts.path ?? '/');
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await b.close();
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The root tsconfig has no DOM library; these are the browser globals the functions below run with.
declare const document: {
  cookie: string;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
};

/** What scripts on the page can read of its cookies (HttpOnly ones are hidden from them). */
export function scriptCookies(page: Page): Promise<string> {
  return page.evaluate(() => document.cookie);
}

/** The names in the first column of the page's table, once they equal `expected` (in any order). */
export async function waitForRows(page: Page, expected: string[]): Promise<void> {
  const want = [...expected].sort();
  try {
    await page.waitForFunction(
      (w) => {
        const names = [...document.querySelectorAll('main table tbody th[scope="row"] a')].map((a) =>
          a.textContent?.trim(),
        );
        return JSON.stringify(names.sort()) === JSON.stringify(w);
      },
      want,
      { timeout: 10_000 },
    );
  } catch (err) {
    const shown = await page.locator('main table tbody th[scope="row"] a').allTextContents();
    throw new Error(`table rows: expected ${JSON.stringify(want)}, showing ${JSON.stringify(shown.sort())}`, {
      cause: err,
    });
  }
}
