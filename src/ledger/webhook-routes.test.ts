/**
 * POST /webhooks/{github,gitlab}/{tenant} end to end, in-process, on every engine: every
 * @octokit/webhooks-examples payload of the events the ledger reads, signed with node:crypto; the
 * GitLab docs' payloads under their headers; signatures, idempotency, rotation, form encoding.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import examples from '@octokit/webhooks-examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';
import { CORPUS, corpusAvailable } from './sources/test-corpus.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON read loosely
type Json = any;
const all = examples as unknown as { name: string; examples: Json[] }[];
const events = [
  'push',
  'pull_request',
  'deployment',
  'deployment_status',
  'workflow_run',
  'check_suite',
  'check_run',
  'release',
  'issues',
  'deployment_protection_rule',
];
const githubCases = events.flatMap((event) =>
  (all.find((e) => e.name === event)?.examples ?? []).map((payload, i) => ({ event, i, payload })),
);
for (const event of events) {
  if (!githubCases.some((c) => c.event === event))
    console.warn(`\n!!! @octokit/webhooks-examples has no ${event} example: not covered here.\n`);
}

const gitlabPresent = corpusAvailable('GitLab webhook');
const gitlabDir = join(CORPUS, 'gitlab/webhooks');
const gitlabIndex: Record<string, string> = gitlabPresent
  ? JSON.parse(readFileSync(join(gitlabDir, 'index.json'), 'utf8'))
  : {};

const sign = (body: string, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe.each(engines)('webhooks on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  let member: string;
  const githubSecret = 'github-secret-0123456789';
  const gitlabSecret = 'gitlab-secret-0123456789';

  const github = (
    body: string,
    opts: { event: string; delivery: string; secret?: string; tenant?: string; contentType?: string },
  ) =>
    t.call('POST', `/webhooks/github/${opts.tenant ?? 'acme'}`, {
      token: '',
      body,
      headers: {
        'content-type': opts.contentType ?? 'application/json',
        'x-github-event': opts.event,
        'x-github-delivery': opts.delivery,
        'x-hub-signature-256': sign(body, opts.secret ?? githubSecret),
      },
    });
  const gitlab = (body: string, opts: { event: string; uuid?: string; token?: string }) =>
    t.call('POST', '/webhooks/gitlab/acme', {
      token: '',
      body,
      headers: {
        'content-type': 'application/json',
        'x-gitlab-event': opts.event,
        'x-gitlab-token': opts.token ?? gitlabSecret,
        ...(opts.uuid ? { 'x-gitlab-event-uuid': opts.uuid } : {}),
      },
    });
  const stored = async (source: string) =>
    (await t.call('GET', `/api/v1/events?source=${source}&limit=1`, { token: admin })).json.total as number;
  const status = async (source: string) =>
    (await t.call('GET', '/api/v1/ingest/status', { token: admin })).json.sources.find(
      (s: Json) => s.source === source,
    );
  const putSecret = (source: string, body: unknown, token = admin) =>
    t.call('PUT', `/api/v1/ingest/secrets/${source}`, { token, body });

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.tenantWithToken('acme');
    member = (
      await t.call('POST', '/api/v1/tokens', { tenant: 'acme', body: { name: 'ci', role: 'member' } })
    ).json.secret;
    await t.tenantWithToken('globex');
  });
  afterAll(() => t?.close());

  it('sets webhook secrets as a tenant-admin only, and shows each value once', async () => {
    expect((await putSecret('github', { secret: githubSecret }, member)).status).toBe(403);
    const res = await putSecret('github', { secret: githubSecret });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      source: 'github',
      id: expect.any(String),
      createdAt: '2026-11-01T12:00:00.000Z',
      expiresAt: null,
      secret: githubSecret,
    });
    expect((await putSecret('gitlab', { secret: gitlabSecret })).status).toBe(200);
    const listed = await t.call('GET', '/api/v1/ingest/secrets', { token: admin });
    expect(listed.json.items.map((s: Json) => [s.source, s.expiresAt])).toEqual([
      ['github', null],
      ['gitlab', null],
    ]);
    expect(listed.text).not.toContain(githubSecret);
  });

  it('accepts every signed GitHub example, and the same delivery again as a duplicate', async () => {
    expect(githubCases).toHaveLength(109);
    for (const { event, i, payload } of githubCases) {
      const body = JSON.stringify(payload);
      const res = await github(body, { event, delivery: `gh-${event}-${i}` });
      expect(res.status, `${event} #${i}`).toBe(200);
      expect(res.json, `${event} #${i}`).toEqual({
        accepted: true,
        duplicate: false,
        eventId: `gh-${event}-${i}`,
        type: `${event}.${payload.action ?? ''}`,
        facts: expect.any(Number),
      });
    }
    expect(await stored('github')).toBe(109);
    const { event, i, payload } = githubCases[0]!;
    const again = await github(JSON.stringify(payload), { event, delivery: `gh-${event}-${i}` });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ accepted: false, duplicate: true, eventId: 'gh-push-0' });
    expect(await stored('github')).toBe(109);
    expect((await status('github')).today).toEqual({
      accepted: 109,
      duplicate: 1,
      rejected: 0,
      unauthorized: 0,
    });
  });

  it('refuses a bad signature with 401, stores nothing and counts it', async () => {
    const body = JSON.stringify(githubCases[0]!.payload);
    const before = (await status('github')).today.unauthorized;
    const res = await github(body, { event: 'push', delivery: 'forged', secret: 'not-the-secret-at-all' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.json).toMatchObject({ status: 401, title: 'Unauthorized' });
    const unsigned = await t.call('POST', '/webhooks/github/acme', {
      token: '',
      body,
      headers: { 'x-github-event': 'push', 'x-github-delivery': 'unsigned' },
    });
    expect(unsigned.status).toBe(401);
    expect(await stored('github')).toBe(109);
    const after = await status('github');
    expect(after.today.unauthorized).toBe(before + 2);
    expect(after.lastError).toEqual({ message: 'bad signature', at: '2026-11-01T12:00:00.000Z' });
    expect((await t.call('GET', '/api/v1/events/github:forged', { token: admin })).status).toBe(404);
  });

  it('answers an unknown tenant, or one without a secret, exactly as a bad signature', async () => {
    const body = JSON.stringify(githubCases[0]!.payload);
    const strip = (p: Json) => ({ ...p, requestId: undefined, instance: undefined });
    const bad = await github(body, { event: 'push', delivery: 'x', secret: 'not-the-secret-at-all' });
    const unknown = await github(body, { event: 'push', delivery: 'x', tenant: 'no-such-tenant' });
    const noSecret = await github(body, { event: 'push', delivery: 'x', tenant: 'globex' });
    const notSlug = await github(body, { event: 'push', delivery: 'x', tenant: 'Not_A_Slug' });
    for (const res of [unknown, noSecret, notSlug]) {
      expect(res.status).toBe(401);
      expect(strip(res.json)).toEqual(strip(bad.json));
    }
  });

  it('keeps the previous secret valid for its grace period only', async () => {
    const body = JSON.stringify(githubCases[1]!.payload);
    const rotated = await putSecret('github', {
      secret: 'github-secret-2-0123456789',
      previousValidForHours: 1,
    });
    expect(rotated.status).toBe(200);
    const listed = await t.call('GET', '/api/v1/ingest/secrets', { token: admin });
    expect(
      listed.json.items
        .filter((s: Json) => s.source === 'github')
        .map((s: Json) => s.expiresAt)
        .sort(),
    ).toEqual(['2026-11-01T13:00:00.000Z', null]);
    const old = await github(body, { event: 'push', delivery: 'rot-1' });
    expect(old.json).toMatchObject({ accepted: true });
    t.clock.advance(3_600_000);
    // At the instant of expiry the old secret is no longer valid.
    const expired = await github(body, { event: 'push', delivery: 'rot-2' });
    expect(expired.status).toBe(401);
    const current = await github(body, {
      event: 'push',
      delivery: 'rot-2',
      secret: 'github-secret-2-0123456789',
    });
    expect(current.json).toMatchObject({ accepted: true, duplicate: false });
    t.clock.set(Date.parse('2026-11-01T12:00:00Z'));
  });

  it('accepts GitHub form-encoded deliveries (payload=…), signed over the form body', async () => {
    const payload = githubCases.find((c) => c.event === 'deployment')!.payload;
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const res = await github(body, {
      event: 'deployment',
      delivery: 'form-1',
      secret: 'github-secret-2-0123456789',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      accepted: true,
      duplicate: false,
      eventId: 'form-1',
      type: `deployment.${payload.action}`,
      facts: 1,
    });
    const event = await t.call('GET', '/api/v1/events/github:form-1', { token: admin });
    expect(event.json.raw).toEqual(payload);
  });

  it('answers a ping without storing it', async () => {
    const res = await github('{"zen":"Keep it logically awesome."}', {
      event: 'ping',
      delivery: 'ping-1',
      secret: 'github-secret-2-0123456789',
    });
    expect(res.json).toEqual({ accepted: false, duplicate: false, eventId: 'ping', type: 'ping', facts: 0 });
    expect((await t.call('GET', '/api/v1/events/github:ping-1', { token: admin })).status).toBe(404);
  });

  describe.skipIf(!gitlabPresent)('GitLab', () => {
    it('accepts every documented payload under its X-Gitlab-Event header', async () => {
      const files = Object.keys(gitlabIndex);
      expect(files).toHaveLength(28);
      for (const file of files) {
        const body = readFileSync(join(gitlabDir, file), 'utf8');
        const res = await gitlab(body, { event: gitlabIndex[file]!, uuid: `gl-${file}` });
        expect(res.status, file).toBe(200);
        expect(res.json, file).toMatchObject({ accepted: true, duplicate: false, eventId: `gl-${file}` });
      }
      expect(await stored('gitlab')).toBe(28);
      // push.json lists 2 of its 4 commits: one commit fact each.
      const push = await t.call('GET', '/api/v1/events/gitlab:gl-push.json', { token: admin });
      expect(push.json).toMatchObject({ type: 'push', facts: 2 });
    });

    it('refuses a wrong token with 401 and stores nothing', async () => {
      const body = readFileSync(join(gitlabDir, 'push.json'), 'utf8');
      const res = await gitlab(body, {
        event: 'Push Hook',
        uuid: 'gl-wrong',
        token: 'wrong-token-0123456789',
      });
      expect(res.status).toBe(401);
      const none = await gitlab(body, { event: 'Push Hook', uuid: 'gl-none', token: '' });
      expect(none.status).toBe(401);
      expect(await stored('gitlab')).toBe(28);
      expect((await status('gitlab')).today.unauthorized).toBe(2);
    });

    it('is idempotent by X-Gitlab-Event-UUID, and by body without it', async () => {
      const body = readFileSync(join(gitlabDir, 'pipeline.json'), 'utf8');
      const again = await gitlab(body, { event: 'Pipeline Hook', uuid: 'gl-pipeline.json' });
      expect(again.json).toMatchObject({ accepted: false, duplicate: true, eventId: 'gl-pipeline.json' });
      const first = await gitlab(body, { event: 'Pipeline Hook' });
      const second = await gitlab(body, { event: 'Pipeline Hook' });
      expect(first.json).toMatchObject({
        accepted: true,
        eventId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      });
      expect(second.json).toMatchObject({ duplicate: true, eventId: first.json.eventId });
      expect(await stored('gitlab')).toBe(29);
    });

    it('regression: a retried delivery is a duplicate by its Idempotency-Key, whatever its event UUID', async () => {
      const body = readFileSync(join(gitlabDir, 'job.json'), 'utf8');
      const send = (uuid: string) =>
        t.call('POST', '/webhooks/gitlab/acme', {
          token: '',
          body,
          headers: {
            'content-type': 'application/json',
            'x-gitlab-event': 'Job Hook',
            'x-gitlab-token': gitlabSecret,
            'x-gitlab-event-uuid': uuid,
            'idempotency-key': 'retry-key-1',
          },
        });
      expect((await send('uuid-attempt-1')).json).toMatchObject({ accepted: true, eventId: 'retry-key-1' });
      expect((await send('uuid-attempt-2')).json).toMatchObject({ duplicate: true, eventId: 'retry-key-1' });
      expect(await stored('gitlab')).toBe(30);
    });
  });
});
