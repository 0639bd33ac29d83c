import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';

const user = (name: string, memberOf: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: {name: ${name}}\nspec: {profile: {displayName: ${name.toUpperCase()}}, memberOf: [${memberOf}]}\n`;

describe.each(engines)('catalog team and system routes on %s', (engine) => {
  let t: TestApp;
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    acme = await t.tenantWithToken('acme');
    globex = await t.tenantWithToken('globex');
  });
  afterAll(() => t.close());

  it('creates and replaces a team; members come from the team and from people', async () => {
    const body = { title: 'Payments', email: 'pay@example.com', members: ['jdoe', 'asmith'] };
    const created = await t.call('PUT', '/api/v1/teams/payments', { token: acme, body });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      name: 'payments',
      title: 'Payments',
      description: null,
      email: 'pay@example.com',
      parent: null,
      members: ['asmith', 'jdoe'],
      source: 'api',
      updatedAt: '2026-11-01T12:00:00.000Z',
    });
    await t.call('POST', '/api/v1/catalog/import', {
      token: acme,
      body: {
        files: [
          { path: 'people.yaml', content: `${user('jdoe', 'payments')}---\n${user('bkim', 'payments')}` },
        ],
      },
    });
    await t.call('PUT', '/api/v1/services/ledger', {
      token: acme,
      body: { owner: 'payments', system: 'money' },
    });
    // Replacing the team's own list keeps what people claim themselves.
    const replaced = await t.call('PUT', '/api/v1/teams/payments', {
      token: acme,
      body: { members: ['zed'] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json.members).toEqual(['bkim', 'jdoe', 'zed']);
    const detail = await t.call('GET', '/api/v1/teams/payments', { token: acme });
    expect(detail.json.services.map((s: { name: string }) => s.name)).toEqual(['ledger']);
    expect(detail.json.people).toEqual([
      { name: 'bkim', displayName: 'BKIM', email: null, memberOf: ['payments'] },
      { name: 'jdoe', displayName: 'JDOE', email: null, memberOf: ['payments'] },
    ]);
    const list = await t.call('GET', '/api/v1/teams', { token: acme });
    expect(list.json.total).toBe(1);
  });

  it('rejects a bad team body and answers 404 for absent and foreign teams', async () => {
    const bad = await t.call('PUT', '/api/v1/teams/x', { token: acme, body: { email: 'nope', lead: 'me' } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/email', '/lead']);
    expect((await t.call('GET', '/api/v1/teams/payments', { token: globex })).status).toBe(404);
    expect((await t.call('DELETE', '/api/v1/teams/payments', { token: globex })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/teams/nobody', { token: acme })).status).toBe(404);
  });

  it('deletes a team', async () => {
    await t.call('PUT', '/api/v1/teams/short-lived', { token: acme, body: {} });
    expect((await t.call('DELETE', '/api/v1/teams/short-lived', { token: acme })).status).toBe(204);
    expect((await t.call('GET', '/api/v1/teams/short-lived', { token: acme })).status).toBe(404);
  });

  it('lists systems and shows one with its services', async () => {
    const system = `apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: {name: money, title: Money}\nspec: {owner: payments, domain: finance}\n`;
    await t.call('POST', '/api/v1/catalog/import', {
      token: acme,
      body: { files: [{ path: 's.yaml', content: system }] },
    });
    const list = await t.call('GET', '/api/v1/systems', { token: acme });
    expect(list.json).toEqual({
      items: [
        {
          name: 'money',
          title: 'Money',
          description: null,
          owner: 'payments',
          domain: 'finance',
          source: 'backstage',
          updatedAt: '2026-11-01T12:00:00.000Z',
        },
      ],
      total: 1,
    });
    const one = await t.call('GET', '/api/v1/systems/money', { token: acme });
    expect(one.json.services.map((s: { name: string }) => s.name)).toEqual(['ledger']);
    expect((await t.call('GET', '/api/v1/systems/money', { token: globex })).status).toBe(404);
  });
});
