/**
 * POST /api/v1/events end to end, in-process, on every engine: the CDEvents 0.5.1 conformance
 * events in each CloudEvents mode, idempotency, rejection by field path, and native facts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testBootstrapToken } from '../testing/app.js';
import { engines } from '../testing/databases.js';
import { CORPUS, corpusAvailable } from './sources/test-corpus.js';

const present = corpusAvailable('CDEvents conformance');
const jsonFiles = (dir: string) =>
  present
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
const v051 = join(CORPUS, 'cdevents/v0.5.1/conformance');
const draft = join(CORPUS, 'cdevents/main/conformance');
const v051Files = jsonFiles(v051);
const draftFiles = jsonFiles(draft);

// biome-ignore lint/suspicious/noExplicitAny: JSON read loosely
type Json = any;
const load = (dir: string, file: string): Json => JSON.parse(readFileSync(join(dir, file), 'utf8'));
/**
 * The conformance files share two context ids between 45 events (39 × 271069a8…, 6 × F4BD2B55…),
 * so each is given its own id here to be a distinct event; the verbatim files are posted below.
 */
const distinct = (file: string): Json => {
  const e = load(v051, file);
  return { ...e, context: { ...e.context, id: `conf-${file.replace(/\.json$/, '')}` } };
};
const structured = (e: Json): Json => ({
  specversion: '1.0',
  id: `ce-${e.context.id}`,
  source: e.context.source,
  type: e.context.type,
  time: e.context.timestamp,
  datacontenttype: 'application/json',
  data: e,
});
/** Counted by hand from map.ts: subjects the ledger does not measure, and service.published. */
const unmapped = new Set([
  'branch_created.json',
  'branch_deleted.json',
  'environment_created.json',
  'environment_deleted.json',
  'environment_modified.json',
  'repository_created.json',
  'repository_deleted.json',
  'repository_modified.json',
  'service_published.json',
  'testoutput_published.json',
  'ticket_closed.json',
  'ticket_created.json',
  'ticket_updated.json',
]);

describe.each(engines)('POST /api/v1/events on %s', (engine) => {
  let t: TestApp;
  let token: string;
  const post = (tenant: string, body: string, contentType: string, headers: Record<string, string> = {}) =>
    t.call('POST', '/api/v1/events', {
      token,
      tenant,
      body,
      headers: { 'content-type': contentType, ...headers },
    });
  const rows = async (tenant: string) => {
    const db = t.deps.store.forTenant(tenant);
    const count = async (table: 'ledger_events' | 'ledger_facts' | 'artifacts') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      events: await count('ledger_events'),
      facts: await count('ledger_facts'),
      artifacts: await count('artifacts'),
    };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    // The bootstrap token is a provider-admin: it acts in each tenant through the tenant header.
    token = testBootstrapToken;
    for (const id of ['bare', 'structured', 'batch', 'binary', 'ndjson', 'verbatim', 'mixed', 'native']) {
      const res = await t.call('POST', '/api/v1/tenants', { body: { id, name: id } });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => t?.close());

  function expectAccepted(result: Json, file: string, index: number) {
    const e = distinct(file);
    expect(result).toEqual({
      index,
      status: 'accepted',
      duplicate: false,
      source: 'cdevents',
      eventId: `${e.context.source}#${e.context.id}`,
      type: e.context.type,
      facts: unmapped.has(file) ? 0 : 1,
      unmapped: unmapped.has(file),
      unmatched: expect.any(Boolean),
    });
  }

  describe.skipIf(!present)('the CDEvents 0.5.1 conformance events', () => {
    it('has the 45 events this test counts on', () => {
      expect(v051Files).toHaveLength(45);
      expect(draftFiles).toHaveLength(48);
    });

    it('(a) accepts each bare as application/json; re-posting is a duplicate that changes nothing', async () => {
      for (const file of v051Files) {
        const res = await post('bare', JSON.stringify(distinct(file)), 'application/json');
        expect(res.status, file).toBe(200);
        expect(res.json.accepted, file).toBe(1);
        expect(res.json.duplicate, file).toBe(false);
        expectAccepted(res.json.results[0], file, 0);
      }
      // 45 events; one fact each for the 32 mapped ones, of which the 5 artifact facts live in `artifacts`.
      expect(await rows('bare')).toEqual({ events: 45, facts: 27, artifacts: 5 });
      for (const file of v051Files) {
        const res = await post('bare', JSON.stringify(distinct(file)), 'application/json');
        expect(res.status, file).toBe(200);
        expect(res.json).toMatchObject({ accepted: 0, duplicates: 1, rejected: 0, duplicate: true });
      }
      expect(await rows('bare')).toEqual({ events: 45, facts: 27, artifacts: 5 });
      // Unmapped events are stored raw, exactly as posted.
      const ticketEvent = distinct('ticket_created.json');
      const ticketId = encodeURIComponent(`cdevents:${ticketEvent.context.source}#${ticketEvent.context.id}`);
      const ticket = await t.call('GET', `/api/v1/events/${ticketId}`, {
        token,
        tenant: 'bare',
      });
      expect(ticket.json).toMatchObject({ facts: 0, type: 'dev.cdevents.ticket.created.0.2.0' });
      expect(ticket.json.raw).toEqual(distinct('ticket_created.json'));
    });

    it('(b) accepts each wrapped as a structured CloudEvent', async () => {
      for (const file of v051Files) {
        const res = await post(
          'structured',
          JSON.stringify(structured(distinct(file))),
          'application/cloudevents+json',
        );
        expect(res.status, file).toBe(200);
        expectAccepted(res.json.results[0], file, 0);
      }
      expect(await rows('structured')).toEqual({ events: 45, facts: 27, artifacts: 5 });
      const again = await post(
        'structured',
        JSON.stringify(structured(distinct('change_merged.json'))),
        'application/cloudevents+json',
      );
      expect(again.json.duplicate).toBe(true);
      expect(await rows('structured')).toEqual({ events: 45, facts: 27, artifacts: 5 });
      const merged = distinct('change_merged.json');
      const mergedId = encodeURIComponent(`cdevents:${merged.context.source}#${merged.context.id}`);
      const stored = await t.call('GET', `/api/v1/events/${mergedId}`, {
        token,
        tenant: 'structured',
      });
      expect(stored.json.raw).toEqual(structured(distinct('change_merged.json')));
    });

    it('(c) accepts all of them as one application/cloudevents-batch+json', async () => {
      const batch = JSON.stringify(v051Files.map((f) => structured(distinct(f))));
      const res = await post('batch', batch, 'application/cloudevents-batch+json');
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ accepted: 45, duplicates: 0, rejected: 0 });
      expect(res.json.duplicate).toBeUndefined();
      for (const [i, f] of v051Files.entries()) expectAccepted(res.json.results[i], f, i);
      const again = await post('batch', batch, 'application/cloudevents-batch+json');
      expect(again.json).toMatchObject({ accepted: 0, duplicates: 45, rejected: 0 });
      expect(again.json.results.every((r: Json) => r.duplicate === true)).toBe(true);
      expect(await rows('batch')).toEqual({ events: 45, facts: 27, artifacts: 5 });
    });

    it('(d) accepts each in binary mode, attributes in ce-* headers', async () => {
      const headersOf = (e: Json) => ({
        'ce-specversion': '1.0',
        'ce-id': `ce-${e.context.id}`,
        'ce-source': e.context.source,
        'ce-type': e.context.type,
        'ce-time': e.context.timestamp,
      });
      for (const file of v051Files) {
        const e = distinct(file);
        const res = await post('binary', JSON.stringify(e), 'application/json', headersOf(e));
        expect(res.status, file).toBe(200);
        expectAccepted(res.json.results[0], file, 0);
      }
      expect(await rows('binary')).toEqual({ events: 45, facts: 27, artifacts: 5 });
      const e = distinct('service_deployed.json');
      const again = await post('binary', JSON.stringify(e), 'application/json', headersOf(e));
      expect(again.json.duplicate).toBe(true);
      expect(await rows('binary')).toEqual({ events: 45, facts: 27, artifacts: 5 });
    });

    it('(e) accepts all of them as NDJSON, one per line', async () => {
      const body = `${v051Files.map((f) => JSON.stringify(distinct(f))).join('\n')}\n`;
      const res = await post('ndjson', body, 'application/x-ndjson');
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ accepted: 45, duplicates: 0, rejected: 0 });
      for (const [i, f] of v051Files.entries()) expectAccepted(res.json.results[i], f, i);
      const again = await post('ndjson', body, 'application/x-ndjson');
      expect(again.json).toMatchObject({ accepted: 0, duplicates: 45, rejected: 0 });
      expect(await rows('ndjson')).toEqual({ events: 45, facts: 27, artifacts: 5 });
    });

    it('rejects every event of the 0.6.0 draft (main) with "unsupported specversion", by field path', async () => {
      const message = 'unsupported specversion 0.6.0-draft (supported: 0.4.x, 0.5.x)';
      for (const file of draftFiles) {
        const bare = await post('verbatim', readFileSync(join(draft, file), 'utf8'), 'application/json');
        expect(bare.status, file).toBe(422);
        expect(bare.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(bare.json.errors, file).toEqual([{ path: '/context/specversion', message }]);
        const wrapped = await post(
          'verbatim',
          JSON.stringify(structured(load(draft, file))),
          'application/cloudevents+json',
        );
        expect(wrapped.status, file).toBe(422);
        expect(wrapped.json.errors, file).toEqual([{ path: '/data/context/specversion', message }]);
      }
      expect(await rows('verbatim')).toEqual({ events: 0, facts: 0, artifacts: 0 });
    });

    it('keeps verbatim events that share a context id but not a source apart', async () => {
      // CloudEvents: source + id identifies an event. The verbatim files hold three: 271069a8… from
      // /event/source/123 (39 files), F4BD2B55… from /monitoring/prod1 (3) and from /ticketing/system (3).
      const all = JSON.stringify(v051Files.map((f) => load(v051, f)));
      const res = await post('verbatim', all, 'application/json');
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ accepted: 3, duplicates: 42, rejected: 0 });
    });

    it('accepts the valid events of a mixed batch, reports the invalid ones by index and stores only the valid', async () => {
      const noId = structured(distinct('build_started.json'));
      delete noId.data.context.id;
      noId.id = 'ce-no-id';
      const batch = [
        structured(distinct('change_created.json')),
        noId,
        structured(load(draft, 'build_finished.json')),
        structured(distinct('incident_detected.json')),
      ];
      const res = await post('mixed', JSON.stringify(batch), 'application/cloudevents-batch+json');
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ accepted: 2, duplicates: 0, rejected: 2 });
      expect(res.json.results.map((r: Json) => [r.index, r.status])).toEqual([
        [0, 'accepted'],
        [1, 'rejected'],
        [2, 'rejected'],
        [3, 'accepted'],
      ]);
      expect(res.json.results[1].errors).toEqual([{ path: '/1/data/context/id', message: 'required' }]);
      expect(res.json.results[2].errors).toEqual([
        {
          path: '/2/data/context/specversion',
          message: 'unsupported specversion 0.6.0-draft (supported: 0.4.x, 0.5.x)',
        },
      ]);
      const listed = await t.call('GET', '/api/v1/events', { token, tenant: 'mixed' });
      expect(listed.json.items.map((e: Json) => e.id.replace(/:.*#/, ':')).sort()).toEqual([
        'cdevents:conf-change_created',
        'cdevents:conf-incident_detected',
      ]);
      expect(await rows('mixed')).toEqual({ events: 2, facts: 2, artifacts: 0 });
    });

    it('regression: an NDJSON line holding an array is rejected, not cut to its first event', async () => {
      const lines = [
        JSON.stringify(distinct('ticket_created.json')),
        JSON.stringify([distinct('ticket_updated.json'), distinct('ticket_closed.json')]),
        '{"context": ',
      ];
      const res = await post('mixed', lines.join('\n'), 'application/x-ndjson');
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ accepted: 1, duplicates: 0, rejected: 2 });
      expect(res.json.results[1].errors).toEqual([
        { path: '/1', message: 'expected one event per line, not an array' },
      ]);
      expect(res.json.results[2].errors).toEqual([
        { path: '/2', message: expect.stringMatching(/^invalid JSON: /) },
      ]);
      expect(await rows('mixed')).toEqual({ events: 3, facts: 2, artifacts: 0 });
    });
  });

  it('answers malformed JSON with 400 and text/plain with 415, as problem+json', async () => {
    const malformed = await post('mixed', '{"context": ', 'application/json');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(malformed.json.detail).toBe('malformed JSON in request body');
    const plain = await post('mixed', 'hello', 'text/plain');
    expect(plain.status).toBe(415);
    expect(plain.json.detail).toBe('unsupported content type text/plain');
  });

  it('stores native facts and derives what the deployment shipped', async () => {
    const repo = 'https://github.com/acme/shop';
    const sha = (c: string) => c.repeat(40);
    const commit = (c: string, parents: string[], at: string, workItems?: string[]) => ({
      kind: 'commit',
      repo,
      sha: sha(c),
      parents: parents.map(sha),
      authoredAt: at,
      committedAt: at,
      subject: `commit ${c}`,
      ...(workItems ? { workItems } : {}),
    });
    const deploy = (id: string, c: string, at: string) => ({
      kind: 'deployment',
      id,
      service: 'shop',
      repo,
      environment: 'production',
      sha: sha(c),
      status: 'success',
      finishedAt: at,
    });
    const event = {
      specversion: '1.0',
      id: 'native-1',
      source: 'ci/acme',
      type: 'dev.throughline.facts.v1',
      time: '2026-10-01T12:00:00Z',
      data: {
        facts: [
          commit('a', [], '2026-10-01T09:00:00Z'),
          commit('b', ['a'], '2026-10-01T10:00:00Z', ['SHOP-1']),
          commit('c', ['b'], '2026-10-01T11:00:00Z'),
          deploy('D1', 'a', '2026-10-01T09:30:00Z'),
          deploy('D2', 'c', '2026-10-01T11:30:00Z'),
        ],
      },
    };
    const res = await post('native', JSON.stringify(event), 'application/cloudevents+json');
    expect(res.status).toBe(200);
    expect(res.json.results[0]).toEqual({
      index: 0,
      status: 'accepted',
      duplicate: false,
      source: 'api',
      eventId: 'ci/acme#native-1',
      type: 'dev.throughline.facts.v1',
      facts: 5,
      unmapped: false,
      unmatched: false,
    });
    const d2 = await t.call('GET', '/api/v1/deployments/D2', { token, tenant: 'native' });
    expect(d2.status).toBe(200);
    expect(d2.json).toMatchObject({
      id: 'D2',
      service: 'shop',
      sha: sha('c'),
      derivation: 'ok',
      previousId: 'D1',
      shippedCount: 2,
      kind: 'planned',
    });
    // Newest first; b and c, not a (shipped by D1).
    expect(d2.json.shipped).toEqual([
      {
        sha: sha('c'),
        repo,
        authoredAt: '2026-10-01T11:00:00.000Z',
        committedAt: '2026-10-01T11:00:00.000Z',
        workItems: [],
      },
      {
        sha: sha('b'),
        repo,
        authoredAt: '2026-10-01T10:00:00.000Z',
        committedAt: '2026-10-01T10:00:00.000Z',
        workItems: ['SHOP-1'],
      },
    ]);
    const d1 = await t.call('GET', '/api/v1/deployments/D1', { token, tenant: 'native' });
    expect(d1.json).toMatchObject({ derivation: 'first', previousId: null, shipped: [] });
    const wrong = await post(
      'native',
      JSON.stringify({ ...event, id: 'native-2', data: { facts: [{ ...commit('d', [], 'yesterday') }] } }),
      'application/cloudevents+json',
    );
    expect(wrong.status).toBe(422);
    expect(wrong.json.errors.map((e: Json) => e.path)).toEqual([
      '/data/facts/0/authoredAt',
      '/data/facts/0/committedAt',
    ]);
  });

  it('regression: takes every field of a fact natively, the incident’s artifactId included', async () => {
    const incident = {
      kind: 'incident',
      id: 'INC-1',
      service: 'shop',
      status: 'detected',
      detectedAt: '2026-10-01T12:00:00Z',
      artifactId: 'pkg:oci/shop@sha256%3A0b31',
    };
    const event = {
      specversion: '1.0',
      id: 'native-incident',
      source: 'pager/acme',
      type: 'dev.throughline.facts.v1',
      data: { facts: [incident] },
    };
    const res = await post('native', JSON.stringify(event), 'application/cloudevents+json');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ accepted: 1, rejected: 0 });
  });
});
