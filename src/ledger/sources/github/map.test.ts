import examples from '@octokit/webhooks-examples';
import { describe, expect, it } from 'vitest';
import type { FactKind } from '../../facts.js';
import { defaultSourceRules } from '../rules.js';
import { mapGithubEvent } from './map.js';

// biome-ignore lint/suspicious/noExplicitAny: untyped JSON payloads, read freely in tests
type Payload = Record<string, any>;
const all = examples as unknown as { name: string; examples: Payload[] }[];
const examplesOf = (name: string): Payload[] => all.find((e) => e.name === name)?.examples ?? [];
const receivedAt = Date.UTC(2030, 0, 1);
// The examples' issues carry `bug`; treat it as the incident label so they exercise the mapping.
const rules = { ...defaultSourceRules, incidentLabels: ['bug'] };
const map = (event: string, payload: Payload) =>
  mapGithubEvent({ event, deliveryId: 'd-1', payload, receivedAt, rules });

/** The fact kinds an example must produce, given what its action implies. */
function expectedKinds(event: string, p: Payload): FactKind[] {
  switch (event) {
    case 'push':
      return p.ref.startsWith('refs/tags/') || p.deleted ? [] : p.commits.map(() => 'commit');
    case 'pull_request':
      return ['change'];
    case 'deployment':
      return ['deployment'];
    case 'deployment_status':
      return p.deployment_status.state === 'inactive' ? [] : ['deployment'];
    case 'workflow_run':
    case 'check_suite':
    case 'check_run':
      return ['pipeline_run'];
    case 'release':
      return ['published', 'released', 'prereleased', 'deleted'].includes(p.action) ? ['artifact'] : [];
    case 'issues':
      return ['deleted', 'transferred'].includes(p.action) ||
        !(p.issue.labels ?? []).some((l: Payload) => l.name === 'bug')
        ? []
        : ['incident'];
    default:
      return [];
  }
}

const EVENTS = [
  'push',
  'pull_request',
  'deployment',
  'deployment_status',
  'workflow_run',
  'check_suite',
  'check_run',
  'release',
  'issues',
];

describe('mapGithubEvent on every @octokit/webhooks-examples example', () => {
  const cases = EVENTS.flatMap((event) =>
    examplesOf(event).map((p, i) => [`${event} #${i} ${p.action ?? ''}`, event, p] as const),
  );

  it('covers each event with examples', () => {
    for (const event of EVENTS) expect(examplesOf(event).length, event).toBeGreaterThan(0);
    expect(cases.length).toBe(109);
  });

  it.each(cases)('%s maps to the facts its action implies', (_name, event, payload) => {
    const mapped = map(event, payload);
    expect(mapped.source).toBe('github');
    expect(mapped.eventId).toBe('d-1');
    expect(mapped.type).toBe(`${event}.${payload.action ?? ''}`);
    expect(mapped.facts.map((f) => f.kind)).toEqual(expectedKinds(event, payload));
    // normaliseRepoUrl spells every repository https (one example says http://github.com/…).
    const repo = payload.repository.html_url.replace(/^http:/, 'https:');
    for (const fact of mapped.facts) expect(fact.repo).toBe(repo);
  });

  it('maps every example of every other event to no facts, without throwing', () => {
    for (const { name, examples: list } of all.filter((e) => !EVENTS.includes(e.name))) {
      for (const payload of list) expect(map(name, payload).facts, name).toEqual([]);
    }
  });
});

describe('mapGithubEvent, hand-checked examples', () => {
  it('push of a new branch: the commit, no parent (before is the zero sha), author hashed', () => {
    const push = examplesOf('push')[4]!;
    expect(map('push', push)).toEqual({
      source: 'github',
      eventId: 'd-1',
      type: 'push.',
      occurredAt: 1557933657000, // repository.pushed_at, epoch seconds
      raw: push,
      facts: [
        {
          kind: 'commit',
          sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
          parents: [],
          authoredAt: Date.UTC(2019, 4, 15, 15, 19, 25),
          committedAt: Date.UTC(2019, 4, 15, 15, 19, 25),
          // printf %s 21031067+codertocat@users.noreply.github.com | sha256sum | cut -c1-16
          author: 'd7f518c5039cc3be',
          subject: 'Initial commit',
          workItems: [],
          repo: 'https://github.com/Codertocat/Hello-World',
        },
      ],
    });
  });

  it('push chains parents from before through the listed commits', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const before = 'c'.repeat(40);
    const commits = [
      {
        id: a,
        message: 'ABC-12 first\n\nbody',
        timestamp: '2024-01-01T00:00:00Z',
        author: { email: 'x@y.z' },
      },
      { id: b, message: 'second (#34)', timestamp: '2024-01-01T01:00:00Z', author: { username: 'dev' } },
    ];
    const facts = map('push', { ref: 'refs/heads/main', before, commits, repository: {} }).facts;
    expect(facts).toMatchObject([
      { sha: a, parents: [before], workItems: ['ABC-12'], subject: 'ABC-12 first' },
      { sha: b, parents: [a], workItems: ['#34'], author: 'dev' },
    ]);
    const forced = map('push', {
      ref: 'refs/heads/main',
      before,
      forced: true,
      commits,
      repository: {},
    }).facts;
    expect(forced[0]).toMatchObject({ parents: [] });
  });

  it('pull_request opened, closed unmerged, and merged', () => {
    const [opened, , , closed] = examplesOf('pull_request');
    const base = {
      kind: 'change',
      id: 'github:Codertocat/Hello-World#2',
      repo: 'https://github.com/Codertocat/Hello-World',
      number: 2,
      title: 'Update the README with new information.',
      openedAt: Date.UTC(2019, 4, 15, 15, 20, 33),
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      workItems: [],
      url: 'https://github.com/Codertocat/Hello-World/pull/2',
    };
    expect(map('pull_request', opened!).facts).toEqual([{ ...base, state: 'open' }]);
    // Closed without merging: merge_commit_sha is GitHub's test merge and is left out.
    expect(map('pull_request', closed!).facts).toEqual([{ ...base, state: 'closed' }]);
    const merged = structuredClone(closed!);
    merged.pull_request.merged_at = '2019-05-15T15:21:18Z';
    merged.pull_request.merged = true;
    expect(map('pull_request', merged).facts).toEqual([
      {
        ...base,
        state: 'merged',
        mergedAt: Date.UTC(2019, 4, 15, 15, 21, 18),
        mergeSha: 'c4295bd74fb0f4fda03689c3df3f2803b658fd85',
      },
    ]);
  });

  it('deployment_status success → a finished deployment', () => {
    const status = examplesOf('deployment_status')[0]!;
    expect(map('deployment_status', status)).toMatchObject({
      type: 'deployment_status.created',
      occurredAt: Date.UTC(2019, 4, 15, 15, 20, 55),
      facts: [
        {
          kind: 'deployment',
          id: 'github:Codertocat/Hello-World:deployment:145988746',
          repo: 'https://github.com/Codertocat/Hello-World',
          environment: 'production',
          sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
          ref: 'master',
          status: 'success',
          startedAt: Date.UTC(2019, 4, 15, 15, 20, 53),
          finishedAt: Date.UTC(2019, 4, 15, 15, 20, 55),
          intent: 'deploy',
        },
      ],
    });
    const inProgress = map('deployment_status', examplesOf('deployment_status')[1]!).facts[0];
    expect(inProgress).toMatchObject({ environment: 'github-pages', status: 'started' });
    expect(inProgress).not.toHaveProperty('finishedAt');
  });

  it('deployment intent follows the rules on task, description and ref', () => {
    const deployment = structuredClone(examplesOf('deployment')[0]!);
    expect(map('deployment', deployment).facts[0]).toMatchObject({ status: 'started', intent: 'deploy' });
    deployment.deployment.ref = 'hotfix/login';
    expect(map('deployment', deployment).facts[0]).toMatchObject({ intent: 'hotfix' });
    deployment.deployment.description = 'Revert to 1.2.3';
    expect(map('deployment', deployment).facts[0]).toMatchObject({ intent: 'rollback' });
  });

  it('workflow_run, check_suite and check_run', () => {
    expect(map('workflow_run', examplesOf('workflow_run')[1]!).facts).toEqual([
      {
        kind: 'pipeline_run',
        category: 'pipeline',
        id: 'github:octo-org/octo-repo:workflow_run:289782451',
        repo: 'https://github.com/octo-org/octo-repo',
        sha: '3484a3fb816e0859fd6e1cea078d76385ff50625',
        ref: 'master',
        status: 'success',
        startedAt: Date.UTC(2020, 9, 5, 16, 33, 49),
        finishedAt: Date.UTC(2020, 9, 5, 16, 33, 49),
        url: 'https://github.com/octo-org/octo-repo/actions/runs/289782451',
      },
    ]);
    expect(map('check_suite', examplesOf('check_suite')[4]!).facts[0]).toMatchObject({
      category: 'check',
      id: 'github:Codertocat/Hello-World:check_suite:118578174',
      name: 'octocoders-linter',
      status: 'queued',
    });
    expect(map('check_run', examplesOf('check_run')[1]!).facts[0]).toMatchObject({
      id: 'github:Codertocat/Hello-World:check_run:128620228',
      name: 'Octocoders-linter',
      status: 'failure',
      finishedAt: Date.UTC(2019, 4, 15, 15, 21, 12),
    });
  });

  it('release published → released artifact versioned by its tag', () => {
    expect(map('release', examplesOf('release')[0]!).facts).toEqual([
      {
        kind: 'artifact',
        id: 'github:Codertocat/Hello-World@0.0.1',
        repo: 'https://github.com/Codertocat/Hello-World',
        action: 'released',
        version: '0.0.1',
        at: Date.UTC(2019, 4, 15, 15, 20, 53),
        url: 'https://github.com/Codertocat/Hello-World/releases/tag/0.0.1',
      },
    ]);
  });

  it('issues: incident label, severity label, open → detected, closed → resolved', () => {
    const issue = structuredClone(examplesOf('issues').find((p) => p.action === 'opened')!);
    expect(mapGithubEvent({ event: 'issues', deliveryId: 'x', payload: issue, receivedAt }).facts).toEqual(
      [],
    );
    issue.issue.labels = [{ name: 'Incident' }, { name: 'SEV-2' }];
    const detected = mapGithubEvent({ event: 'issues', deliveryId: 'x', payload: issue, receivedAt }).facts;
    expect(detected).toEqual([
      {
        kind: 'incident',
        id: 'github:Codertocat/Hello-World#1',
        repo: 'https://github.com/Codertocat/Hello-World',
        title: issue.issue.title,
        severity: 'sev2',
        status: 'detected',
        detectedAt: Date.UTC(2019, 4, 15, 15, 20, 18),
        url: issue.issue.html_url,
      },
    ]);
    issue.action = 'closed';
    issue.issue.state = 'closed';
    issue.issue.closed_at = '2019-05-15T16:00:00Z';
    issue.issue.labels = [{ name: 'incident' }, { name: 'severity:1' }];
    expect(
      mapGithubEvent({ event: 'issues', deliveryId: 'x', payload: issue, receivedAt }).facts[0],
    ).toMatchObject({
      status: 'resolved',
      severity: 'sev1',
      resolvedAt: Date.UTC(2019, 4, 15, 16, 0, 0),
    });
  });

  it('deployment_protection_rule is mapped with no facts; unknown events too', () => {
    const payload = { action: 'requested', environment: 'production', deployment_callback_url: 'https://x' };
    expect(map('deployment_protection_rule', payload)).toMatchObject({
      type: 'deployment_protection_rule.requested',
      facts: [],
      occurredAt: receivedAt,
    });
    expect(map('star', { action: 'created' })).toMatchObject({ type: 'star.created', facts: [] });
    expect(map('push', null as unknown as Payload).facts).toEqual([]);
  });
});
