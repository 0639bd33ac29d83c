import { createHmac, generateKeyPairSync, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';

interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local stand-in for the GitHub API: issues installation tokens and records every request. */
async function fakeGithub(): Promise<{ url: string; requests: Recorded[]; server: Server }> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      requests.push({ method: req.method!, path: req.url!, headers: req.headers, body });
      if (req.url === '/app/installations/42/access_tokens') {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ token: 'ghs_installation_token', expires_at: '2026-11-04T13:00:00Z' }));
      } else {
        res.writeHead(204);
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

describe.each(engines)('GitHub deployment protection rules on %s', (engine) => {
  let t: TestApp;
  let gh: Awaited<ReturnType<typeof fakeGithub>>;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const secret = 'a-github-webhook-secret-of-length';

  beforeAll(async () => {
    t = await createTestApp(engine, { now: Date.parse('2026-11-04T12:00:00Z') });
    gh = await fakeGithub();
    const token = await t.tenantWithToken('acme');
    const call = t.call;
    t = { ...t, call: (m, path, o = {}) => call(m, path, { token, ...o }) };
    await t.call('PUT', '/api/v1/services/checkout', { body: { owner: 'payments' } });
    await t.call('POST', '/api/v1/ingest/mappings', {
      body: { pattern: 'https://github.com/acme/shop', service: 'checkout' },
    });
    await t.call('PUT', '/api/v1/ingest/secrets/github', { body: { secret } });
    const app = await t.call('PUT', '/api/v1/gates/github-app', {
      body: {
        appId: '1234',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }),
        apiUrl: gh.url,
      },
    });
    expect(app.status, app.text).toBe(200);
    const policy = await t.call('PUT', '/api/v1/gates/policies/default', {
      body: 'rules:\n  - type: required-checks\n    required: [build]\n',
      headers: { 'content-type': 'text/yaml' },
    });
    expect(policy.status, policy.text).toBe(201);
  });
  afterAll(async () => {
    gh.server.close();
    await t.close();
  });

  it('evaluates a stored event and posts the decision to its callback as GitHub documents', async () => {
    const payload = {
      action: 'requested',
      environment: 'production',
      event: 'deployment',
      deployment_callback_url:
        'https://api.github.com/repos/acme/shop/actions/runs/1001/deployment_protection_rule',
      deployment: { id: 7, sha: 'f'.repeat(40), ref: 'main', environment: 'production' },
      repository: { full_name: 'acme/shop', html_url: 'https://github.com/acme/shop' },
      installation: { id: 42 },
    };
    const raw = JSON.stringify(payload);
    const hook = await t.call('POST', '/webhooks/github/acme', {
      token: '',
      body: raw,
      headers: {
        'x-github-event': 'deployment_protection_rule',
        'x-github-delivery': 'delivery-1',
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`,
      },
    });
    expect(hook.status, hook.text).toBe(200);
    const pass = await t.call('POST', '/api/v1/gates/github/process');
    expect(pass.status, pass.text).toBe(200);

    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /app/installations/42/access_tokens',
      'POST /repos/acme/shop/actions/runs/1001/deployment_protection_rule',
    ]);
    const [tokenReq, callback] = gh.requests as [Recorded, Recorded];
    const jwt = tokenReq.headers.authorization!.replace(/^Bearer /, '');
    const [h, p, s] = jwt.split('.') as [string, string, string];
    expect(verify('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))).toBe(true);
    expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toMatchObject({ iss: '1234' });
    expect(callback.headers.authorization).toBe('Bearer ghs_installation_token');
    expect(callback.headers.accept).toBe('application/vnd.github+json');
    expect(callback.headers['content-type']).toBe('application/json');
    const body = JSON.parse(callback.body);
    expect(Object.keys(body).sort()).toEqual(['comment', 'environment_name', 'state']);
    expect(body).toMatchObject({ environment_name: 'production', state: 'rejected' });
    expect(body.comment).toContain('rejected: required checks not passed for fffffff: build missing');

    // Answered once: a second pass sends nothing more; the decision is in the log with origin github.
    await t.call('POST', '/api/v1/gates/github/process');
    expect(gh.requests).toHaveLength(2);
    const log = await t.call('GET', `/api/v1/gates/decisions?sha=${'f'.repeat(40)}`);
    expect(log.json.items[0]).toMatchObject({ origin: 'github', decision: 'rejected', createdBy: 'github' });
  });
});
