import { createPrivateKey, sign } from 'node:crypto';
import { normaliseRepoUrl } from '../ledger/facts.js';
import { loadResolver } from '../ledger/matching.js';
import type { TenantDb } from '../store/database.js';
import { getDecision } from './decision-store.js';
import { evaluateGate } from './service.js';

/**
 * GitHub custom deployment protection rules. The ledger stores every `deployment_protection_rule`
 * webhook (type `deployment_protection_rule.requested`, raw payload); a background pass — not a
 * hook, so the ledger stays unaware of gates and a restart loses nothing — answers each unanswered
 * one: it evaluates the gate and POSTs the decision to the event's `deployment_callback_url` with
 * a GitHub App installation token. A pending decision is answered once it is approved, rejected or
 * expires.
 */
const apiVersion = '2022-11-28';
const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** A GitHub App JWT (RS256), valid from a minute ago for nine minutes, as GitHub recommends. */
export function appJwt(appId: string, privateKeyPem: string, now: number): string {
  const iat = Math.floor(now / 1000) - 60;
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ iat, exp: iat + 600, iss: appId }));
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), createPrivateKey(privateKeyPem));
  return `${head}.${body}.${b64url(signature)}`;
}

const ghHeaders = (token: string) => ({
  authorization: `Bearer ${token}`,
  accept: 'application/vnd.github+json',
  'x-github-api-version': apiVersion,
  'content-type': 'application/json',
  'user-agent': 'throughline-gates',
});

export async function installationToken(
  app: { appId: string; privateKey: string; apiUrl: string },
  installationId: number,
  now: number,
): Promise<string> {
  const res = await fetch(`${app.apiUrl}/app/installations/${installationId}/access_tokens`, {
    method: 'POST',
    headers: ghHeaders(appJwt(app.appId, app.privateKey, now)),
  });
  if (!res.ok) throw new Error(`installation token: GitHub answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function getGithubApp(db: TenantDb) {
  const row = await db.selectFrom('gate_github_apps').selectAll().where('key', '=', 'app').executeTakeFirst();
  return row
    ? { appId: row.app_id, privateKey: row.private_key, apiUrl: row.api_url, updatedAt: row.updated_at }
    : undefined;
}

export async function putGithubApp(
  db: TenantDb,
  app: { appId: string; privateKey: string; apiUrl: string },
  now: number,
): Promise<void> {
  const values = {
    app_id: app.appId,
    private_key: app.privateKey,
    api_url: app.apiUrl.replace(/\/+$/, ''),
    updated_at: now,
  };
  await db
    .insertInto('gate_github_apps')
    .values({ key: 'app', ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet(values))
    .execute();
}

interface ProtectionEvent {
  environment?: string;
  deployment_callback_url?: string;
  deployment?: { sha?: string; ref?: string; environment?: string };
  installation?: { id?: number };
  repository?: { html_url?: string; full_name?: string };
}

async function answer(
  db: TenantDb,
  q: { eventId: string; payload: ProtectionEvent; decisionId: string; now: number },
): Promise<void> {
  const d = await getDecision(db, q.decisionId, q.now);
  const set = (v: {
    status: string;
    state?: string | null;
    code?: number | null;
    error?: string | null;
    attempts: number;
  }) =>
    db
      .updateTable('gate_callbacks')
      .set({
        status: v.status,
        state: v.state ?? null,
        attempts: v.attempts,
        response_code: v.code ?? null,
        error: v.error ?? null,
        updated_at: q.now,
      })
      .where('event_id', '=', q.eventId)
      .execute();
  const prior = await db
    .selectFrom('gate_callbacks')
    .select('attempts')
    .where('event_id', '=', q.eventId)
    .executeTakeFirst();
  const attempts = (prior?.attempts ?? 0) + 1;
  if (d.decision === 'pending') return void (await set({ status: 'waiting', attempts: attempts - 1 }));
  const app = await getGithubApp(db);
  const installation = q.payload.installation?.id;
  if (!app || !installation || !q.payload.deployment_callback_url) {
    return void (await set({
      status: 'failed',
      attempts,
      error: !app ? 'no GitHub App configured' : 'event lacks installation or callback URL',
    }));
  }
  const state = d.decision === 'approved' ? 'approved' : 'rejected';
  // The callback's path is used against the configured API, so the token never goes elsewhere.
  const callback = new URL(q.payload.deployment_callback_url);
  try {
    const token = await installationToken(app, installation, q.now);
    const res = await fetch(`${app.apiUrl}${callback.pathname}${callback.search}`, {
      method: 'POST',
      headers: ghHeaders(token),
      body: JSON.stringify({
        environment_name: q.payload.environment ?? q.payload.deployment?.environment,
        state,
        comment: `Throughline gate ${d.id}: ${d.summary}`.slice(0, 1000),
      }),
    });
    await set({
      status: res.ok ? 'sent' : attempts >= 5 ? 'failed' : 'retry',
      state,
      code: res.status,
      attempts,
    });
  } catch (err) {
    await set({ status: attempts >= 5 ? 'failed' : 'retry', state, error: (err as Error).message, attempts });
  }
}

/** One pass over a tenant: evaluates new protection-rule events, answers decided ones. */
export async function processProtectionRules(db: TenantDb, now: number): Promise<{ answered: number }> {
  const fresh = await db
    .selectFrom('ledger_events as e')
    .leftJoin('gate_callbacks as g', 'g.event_id', 'e.event_id')
    .select(['e.event_id', 'e.raw', 'e.repo'])
    .where('e.source', '=', 'github')
    .where('e.type', '=', 'deployment_protection_rule.requested')
    .where('g.event_id', 'is', null)
    .orderBy('e.received_at')
    .limit(100)
    .execute();
  const resolve = fresh.length ? await loadResolver(db) : () => undefined;
  for (const e of fresh) {
    const payload = JSON.parse(e.raw) as ProtectionEvent;
    const repo = e.repo ?? normaliseRepoUrl(payload.repository?.html_url ?? '') ?? null;
    const service = resolve(repo);
    const environment = payload.environment ?? payload.deployment?.environment;
    let decisionId: string | null = null;
    let error: string | null = null;
    if (service && environment && payload.deployment?.sha) {
      try {
        decisionId = (
          await evaluateGate(
            db,
            { service, environment, sha: payload.deployment.sha },
            { now, by: 'github', origin: 'github' },
          )
        ).id;
      } catch (err) {
        error = (err as Error).message;
      }
    } else error = service ? 'event lacks environment or sha' : `no service for repository ${repo}`;
    await db
      .insertInto('gate_callbacks')
      .values({
        event_id: e.event_id,
        decision_id: decisionId,
        status: decisionId ? 'waiting' : 'skipped',
        state: null,
        attempts: 0,
        response_code: null,
        error,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const open = await db
    .selectFrom('gate_callbacks as g')
    .innerJoin('ledger_events as e', 'e.event_id', 'g.event_id')
    .select(['g.event_id', 'g.decision_id', 'e.raw'])
    .where('g.status', 'in', ['waiting', 'retry'])
    .where('e.source', '=', 'github')
    .execute();
  let answered = 0;
  for (const o of open) {
    await answer(db, { eventId: o.event_id, payload: JSON.parse(o.raw), decisionId: o.decision_id!, now });
    answered++;
  }
  return { answered };
}
