import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROMETHEUS = '/usr/bin/prometheus';

/** Per-second rates of the demo exporter's counters, by `code` label. */
export const DEMO_RATES = { '200': 9, '500': 1 } as const;

export interface PrometheusHarness {
  readonly baseUrl: string;
  /** The exporter's own address, which answers 404 to the query API. */
  readonly exporterUrl: string;
  /** When the exporter's counters were 0, epoch ms. */
  readonly exporterStart: number;
  /** When Prometheus first returned the series: every sample after it is a real scrape. */
  readonly seenAt: number;
  stop(): Promise<void>;
}

/** Whether the Prometheus tests run: absent Prometheus skips them loudly, and fails them under CI=true. */
export function prometheusPresent(): boolean {
  if (existsSync(PROMETHEUS)) return true;
  if (process.env.CI === 'true')
    throw new Error(`${PROMETHEUS} is required in CI (Debian package prometheus)`);
  console.warn(`\n!!! ${PROMETHEUS} is absent: SKIPPING the Prometheus pull tests.\n`);
  return false;
}

/**
 * A demo exporter whose counters grow linearly with wall time (rate × seconds since start, as
 * floats), scraped every second by a real Prometheus. Linear counters make rate() exact up to the
 * few milliseconds between Prometheus' scrape timestamp and the exporter reading its clock.
 */
export async function startPrometheus(): Promise<PrometheusHarness> {
  const exporterStart = Date.now();
  const exporter = createServer((req, res) => {
    if (req.url !== '/metrics') return void res.writeHead(404).end('not found');
    const seconds = (Date.now() - exporterStart) / 1000;
    const lines = Object.entries(DEMO_RATES).map(
      ([code, rate]) => `demo_requests_total{code="${code}"} ${rate * seconds}`,
    );
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(
      ['# HELP demo_requests_total Demo requests.', '# TYPE demo_requests_total counter', ...lines, ''].join(
        '\n',
      ),
    );
  });
  const exporterPort = await listen(exporter);
  const dir = mkdtempSync(join(tmpdir(), 'throughline-prom-'));
  const config = join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: demo\n    static_configs:\n      - targets: ['127.0.0.1:${exporterPort}']\n`,
  );
  const port = await freePort();
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=1h',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await kill(child);
    await new Promise<void>((resolve) => exporter.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await until(
      async () => (await fetch(`${baseUrl}/-/ready`)).ok,
      'Prometheus ready',
      child,
      () => stderr,
    );
    await until(
      async () => {
        const r = await fetch(`${baseUrl}/api/v1/query?query=demo_requests_total`);
        const body = (await r.json()) as { data?: { result?: unknown[] } };
        return body.data?.result?.length === 2;
      },
      'the demo series scraped',
      child,
      () => stderr,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    baseUrl,
    exporterUrl: `http://127.0.0.1:${exporterPort}`,
    exporterStart,
    seenAt: Date.now(),
    stop,
  };
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

/** A port the OS just handed out; Prometheus binds it a moment later (a race we accept in tests). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function until(
  check: () => Promise<boolean>,
  what: string,
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Prometheus exited (${child.exitCode}) before ${what}:\n${log()}`);
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}:\n${log()}`);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
