/**
 * The ledger's settings over HTTP, on every engine: repository mappings and the re-matching they
 * trigger, webhook secret rotation, and the ingest status counters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';
import { derivePending } from './derive.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON read loosely
type Json = any;
const sha = (c: string) => c.repeat(40);
const native = (id: string, facts: unknown[]) => ({
  specversion: '1.0',
  id,
  source: 'ci/acme',
  type: 'dev.throughline.facts.v1',
  time: '2026-10-01T12:00:00Z',
  data: { facts },
});
const commit = (repo: string, c: string, parents: string[], at: string) => ({
  kind: 'commit',
  repo,
  sha: sha(c),
  parents: parents.map(sha),
  authoredAt: at,
  committedAt: at,
});
const deploy = (repo: string, id: string, c: string, at: string) => ({
  kind: 'deployment',
  id,
  repo,
  environment: 'production',
  sha: sha(c),
  status: 'success',
  finishedAt: at,
});
const shop = 'https://github.com/acme/shop';
const web = 'https://github.com/acme/web';
const other = 'https://gitlab.com/other/thing';

describe.each(engines)('ledger settings on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  const post = (body: unknown) =>
    t.call('POST', '/api/v1/events', {
      token: admin,
      body,
      headers: { 'content-type': 'application/cloudevents-batch+json' },
    });
  const get = async (path: string) => (await t.call('GET', path, { token: admin })).json;
  const unmatchedIds = async () =>
    (await get('/api/v1/events?unmatched=true')).items.map((e: Json) => e.eventId.split('#').pop()).sort();
  const map = (pattern: string, service: string) =>
    t.call('POST', '/api/v1/ingest/mappings', { token: admin, body: { pattern, service } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.tenantWithToken('acme');
    for (const name of ['shop', 'web']) {
      const res = await t.call('PUT', `/api/v1/services/${name}`, {
        token: admin,
        body: { owner: 'team-a' },
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => t?.close());

  describe('mappings', () => {
    it('stores events of repositories no service claims as unmatched', async () => {
      const res = await post([
        native('shop-history', [
          commit(shop, 'a', [], '2026-10-01T09:00:00Z'),
          commit(shop, 'b', ['a'], '2026-10-01T10:00:00Z'),
          commit(shop, 'c', ['b'], '2026-10-01T11:00:00Z'),
          deploy(shop, 'D1', 'a', '2026-10-01T09:30:00Z'),
          deploy(shop, 'D2', 'c', '2026-10-01T11:30:00Z'),
        ]),
        native('web-deploy', [deploy(web, 'W1', 'e', '2026-10-01T12:00:00Z')]),
        native('other-deploy', [deploy(other, 'O1', 'f', '2026-10-01T12:00:00Z')]),
        // Commits alone never need a service.
        native('web-commit', [commit(web, 'e', [], '2026-10-01T08:00:00Z')]),
      ]);
      expect(res.json.results.map((r: Json) => r.unmatched)).toEqual([true, true, true, false]);
      expect(await unmatchedIds()).toEqual(['other-deploy', 'shop-history', 'web-deploy']);
      expect((await get('/api/v1/ingest/status')).unmatchedEvents).toBe(3);
      expect((await get('/api/v1/deployments/D2')).service).toBeNull();
    });

    it('re-matches stored events when a repository is mapped to a service', async () => {
      const res = await map('git@github.com:acme/shop.git', 'shop');
      expect(res.status).toBe(201);
      expect(res.json).toEqual({
        mapping: { pattern: shop, service: 'shop', createdAt: '2026-11-01T12:00:00.000Z' },
        rematched: 1,
      });
      expect(await unmatchedIds()).toEqual(['other-deploy', 'web-deploy']);
      const deployments = await get('/api/v1/deployments?service=shop');
      expect(deployments.items.map((d: Json) => [d.id, d.service, d.derivation])).toEqual([
        ['D2', 'shop', 'dirty'],
        ['D1', 'shop', 'dirty'],
      ]);
      // The background pass derives them again, now as the service's deployments.
      expect(await derivePending(t.deps.store.forTenant('acme'), t.clock.now())).toBe(2);
      const d2 = await get('/api/v1/deployments/D2');
      expect(d2).toMatchObject({ derivation: 'ok', previousId: 'D1', shippedCount: 2 });
      expect(d2.shipped.map((c: Json) => c.sha)).toEqual([sha('c'), sha('b')]);
    });

    it('maps every repository under a prefix; an exact mapping still wins', async () => {
      const res = await map('https://github.com/acme/*', 'web');
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ mapping: { pattern: 'https://github.com/acme/*' }, rematched: 1 });
      expect(await unmatchedIds()).toEqual(['other-deploy']);
      expect((await get('/api/v1/deployments/W1')).service).toBe('web');
      expect((await get('/api/v1/deployments/D1')).service).toBe('shop');
      // New events under the prefix are matched as they arrive.
      const later = await post([
        native('api-deploy', [deploy('https://github.com/acme/api', 'A1', 'g', '2026-10-02T00:00:00Z')]),
      ]);
      expect(later.json.results[0].unmatched).toBe(false);
      expect((await get('/api/v1/deployments/A1')).service).toBe('web');
      expect((await get('/api/v1/ingest/mappings')).items).toEqual([
        { pattern: 'https://github.com/acme/*', service: 'web', createdAt: '2026-11-01T12:00:00.000Z' },
        { pattern: shop, service: 'shop', createdAt: '2026-11-01T12:00:00.000Z' },
      ]);
    });

    it('refuses an unknown service or a pattern that is not a repository, naming the field', async () => {
      const unknown = await map(other, 'nope');
      expect(unknown.status).toBe(422);
      expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(unknown.json.errors).toEqual([{ path: '/service', message: 'no service nope' }]);
      const bad = await map('not a url', 'shop');
      expect(bad.status).toBe(422);
      expect(bad.json.errors).toEqual([{ path: '/pattern', message: 'not a repository URL' }]);
      expect(await unmatchedIds()).toEqual(['other-deploy']);
    });

    it('removes a mapping by its URL-encoded pattern, in any spelling the API accepts', async () => {
      const del = (pattern: string) =>
        t.call('DELETE', `/api/v1/ingest/mappings/${encodeURIComponent(pattern)}`, { token: admin });
      expect((await del('https://github.com/acme/*')).status).toBe(204);
      expect((await del('https://github.com/acme/*')).status).toBe(404);
      // As it was posted above, before normalisation.
      expect((await del('git@github.com:acme/shop.git')).status).toBe(204);
      expect((await get('/api/v1/ingest/mappings')).items).toEqual([]);
    });
  });

  describe('webhook secrets', () => {
    it('rotates: the previous secret lapses after its grace period, a zero period ends it at once', async () => {
      const put = (source: string, body: unknown) =>
        t.call('PUT', `/api/v1/ingest/secrets/${source}`, { token: admin, body });
      const first = await put('gitlab', {});
      expect(first.status).toBe(200);
      expect(first.json.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const second = await put('gitlab', { secret: 'second-secret-0123456789' });
      const expiries = async () =>
        Object.fromEntries((await get('/api/v1/ingest/secrets')).items.map((s: Json) => [s.id, s.expiresAt]));
      // The default grace period is 72 hours.
      expect(await expiries()).toEqual({
        [first.json.id]: '2026-11-04T12:00:00.000Z',
        [second.json.id]: null,
      });
      const third = await put('gitlab', { secret: 'third-secret-0123456789', previousValidForHours: 0 });
      expect(await expiries()).toEqual({
        [first.json.id]: '2026-11-04T12:00:00.000Z',
        [second.json.id]: '2026-11-01T12:00:00.000Z',
        [third.json.id]: null,
      });
      const hook = (token: string) =>
        t.call('POST', '/webhooks/gitlab/acme', {
          token: '',
          body: '{"object_kind":"emoji"}',
          headers: { 'x-gitlab-event': 'Emoji Hook', 'x-gitlab-token': token },
        });
      expect((await hook(first.json.secret)).status).toBe(200);
      expect((await hook('second-secret-0123456789')).status).toBe(401);
      expect((await hook('third-secret-0123456789')).status).toBe(200);
    });

    it('validates the body and the source, naming the field', async () => {
      const short = await t.call('PUT', '/api/v1/ingest/secrets/github', {
        token: admin,
        body: { secret: 'short' },
      });
      expect(short.status).toBe(422);
      expect(short.json.errors.map((e: Json) => e.path)).toEqual(['/secret']);
      const source = await t.call('PUT', '/api/v1/ingest/secrets/bitbucket', { token: admin, body: {} });
      // A wrong path parameter is a 400, a wrong body field a 422 (problem.ts).
      expect(source.status).toBe(400);
      expect(source.json.errors).toEqual([
        { in: 'path', path: '/source', message: expect.stringContaining('"github"') },
      ]);
    });
  });

  describe('ingest status', () => {
    it('counts per source and day: accepted, duplicates, rejections, the last error', async () => {
      const status = async () => {
        const s = await get('/api/v1/ingest/status');
        return { ...s, sources: Object.fromEntries(s.sources.map((x: Json) => [x.source, x])) };
      };
      const before = await status();
      // Five api events so far (four, then api-deploy). gitlab: the same emoji body twice without an
      // event UUID (one event, keyed by its digest, then a duplicate), and one refused.
      expect(before.sources.api).toEqual({
        source: 'api',
        totalEvents: 5,
        lastEventAt: '2026-11-01T12:00:00.000Z',
        eventsLastHour: 5,
        today: { accepted: 5, duplicate: 0, rejected: 0, unauthorized: 0 },
        last2Days: { accepted: 5, duplicate: 0, rejected: 0, unauthorized: 0 },
        lastError: null,
      });
      expect(before.sources.gitlab).toMatchObject({
        totalEvents: 1,
        today: { accepted: 1, duplicate: 1, rejected: 0, unauthorized: 1 },
        lastError: { message: 'bad signature', at: '2026-11-01T12:00:00.000Z' },
      });

      t.clock.advance(86_400_000);
      await post([native('web-deploy', [deploy(web, 'W1', 'e', '2026-10-01T12:00:00Z')])]);
      const rejected = await post([{ ...native('bad', []), data: { facts: [] } }]);
      expect(rejected.status).toBe(422);
      const nextDay = await status();
      expect(nextDay.sources.api).toMatchObject({
        totalEvents: 5,
        eventsLastHour: 0,
        today: { accepted: 0, duplicate: 1, rejected: 0, unauthorized: 0 },
        last2Days: { accepted: 5, duplicate: 1, rejected: 0, unauthorized: 0 },
      });
      expect(nextDay.sources.cdevents).toMatchObject({
        totalEvents: 0,
        today: { accepted: 0, duplicate: 0, rejected: 1, unauthorized: 0 },
        lastError: {
          message: '/0/data/facts Too small: expected array to have >=1 items',
          at: '2026-11-02T12:00:00.000Z',
        },
      });
      expect(nextDay.unmatchedEvents).toBe(1);

      t.clock.advance(2 * 86_400_000);
      const later = await status();
      expect(later.sources.api).toMatchObject({
        totalEvents: 5,
        today: { accepted: 0, duplicate: 0, rejected: 0, unauthorized: 0 },
        last2Days: { accepted: 0, duplicate: 0, rejected: 0, unauthorized: 0 },
        lastError: null,
      });
      t.clock.set(Date.parse('2026-11-01T12:00:00Z'));
    });
  });
});
