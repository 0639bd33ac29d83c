import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSourceRules } from '../rules.js';
import { CORPUS, corpusAvailable } from '../test-corpus.js';
import { parseTimestamp } from '../time.js';
import { mapGitlabEvent } from './map.js';

// biome-ignore lint/suspicious/noExplicitAny: untyped JSON payloads, read freely in tests
type Payload = Record<string, any>;
const DIR = join(CORPUS, 'gitlab/webhooks');
const haveCorpus = corpusAvailable('GitLab webhook');
const load = (file: string): Payload => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
const receivedAt = Date.UTC(2030, 0, 1);
const map = (file: string, eventHeader: string, payload = load(file), rules = defaultSourceRules) =>
  mapGitlabEvent({ eventHeader, eventId: 'uuid-1', payload, receivedAt, rules });

const KINDS: Record<string, string[]> = {
  'push.json': ['commit', 'commit'],
  'merge-request.json': ['change'],
  'pipeline.json': ['pipeline_run'],
  'job.json': ['pipeline_run'],
  'deployment.json': ['deployment'],
  'release.json': ['artifact'],
};

describe.skipIf(!haveCorpus)('mapGitlabEvent on every documented payload', () => {
  const index: Record<string, string> = haveCorpus ? load('index.json') : {};

  it('has the 28 documented examples', () => {
    expect(Object.keys(index)).toHaveLength(28);
  });

  it.each(Object.entries(index))('%s under %s maps without throwing', (file, header) => {
    const mapped = map(file, header);
    expect(mapped).toMatchObject({ source: 'gitlab', eventId: 'uuid-1', raw: load(file) });
    expect(Number.isFinite(mapped.occurredAt)).toBe(true);
    expect(mapped.facts.map((f) => f.kind)).toEqual(KINDS[file] ?? []);
  });

  it('raw/*.jsonc (the docs before normalising) are not JSON', () => {
    const raw = readdirSync(join(DIR, 'raw'));
    expect(raw.sort()).toEqual(['job.jsonc', 'release.jsonc']);
    for (const file of raw)
      expect(() => JSON.parse(readFileSync(join(DIR, 'raw', file), 'utf8'))).toThrow(SyntaxError);
  });
});

describe.skipIf(!haveCorpus)('mapGitlabEvent, hand-checked payloads', () => {
  it('Push Hook: commits, shas, inferred parents, hashed authors', () => {
    expect(map('push.json', 'Push Hook').facts).toEqual([
      {
        kind: 'commit',
        sha: 'b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327',
        parents: ['95790bf891e76fee5e1747ab589903a6a1f80f22'],
        authoredAt: Date.UTC(2011, 11, 12, 12, 27, 31), // 14:27:31+02:00
        committedAt: Date.UTC(2011, 11, 12, 12, 27, 31),
        author: '7a9035b57c94b04f', // sha256("jordi@softcatala.org")
        subject: 'Update Catalan translation to e38cb41.',
        workItems: [],
        repo: 'https://example.com/mike/diaspora',
      },
      {
        kind: 'commit',
        sha: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
        parents: ['b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327'],
        authoredAt: Date.UTC(2012, 0, 3, 21, 36, 29),
        committedAt: Date.UTC(2012, 0, 3, 21, 36, 29),
        author: 'ecddd47bacea1084', // sha256("gitlabdev@dv6700.(none)")
        subject: 'fixed readme',
        workItems: [],
        repo: 'https://example.com/mike/diaspora',
      },
    ]);
  });

  it('Tag Push Hook maps to no facts', () => {
    expect(map('tag.json', 'Tag Push Hook')).toMatchObject({ type: 'tag_push', facts: [] });
  });

  it('Merge Request Hook: open, then merged with its merge sha', () => {
    const open = {
      kind: 'change',
      id: 'gitlab:gitlabhq/gitlab-test!1',
      repo: 'https://example.com/gitlabhq/gitlab-test',
      number: 1,
      title: 'MS-Viewport',
      openedAt: Date.UTC(2013, 11, 3, 17, 23, 34),
      headSha: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
      workItems: [],
      url: 'http://example.com/diaspora/merge_requests/1',
    };
    expect(map('merge-request.json', 'Merge Request Hook')).toMatchObject({
      type: 'merge_request.open',
      facts: [{ ...open, state: 'open' }],
    });
    // The documented payload is an open MR; the merged one differs in state, action and merge sha.
    const merged = load('merge-request.json');
    Object.assign(merged.object_attributes, {
      state: 'merged',
      action: 'merge',
      updated_at: '2013-12-04 09:00:00 UTC',
      merge_commit_sha: 'e59094b3ac4b3d1b3b3fe4a3d3e4ab5b4e0e5d1c',
    });
    expect(map('merge-request.json', 'Merge Request Hook', merged).facts).toEqual([
      {
        ...open,
        state: 'merged',
        mergedAt: Date.UTC(2013, 11, 4, 9, 0, 0),
        mergeSha: 'e59094b3ac4b3d1b3b3fe4a3d3e4ab5b4e0e5d1c',
      },
    ]);
  });

  it('Pipeline Hook: status, sha and times', () => {
    expect(map('pipeline.json', 'Pipeline Hook').facts).toEqual([
      {
        kind: 'pipeline_run',
        category: 'pipeline',
        id: 'gitlab:gitlab-org/gitlab-test:pipeline:31',
        repo: 'https://192.168.64.1:3005/gitlab-org/gitlab-test',
        name: 'Pipeline for branch: master',
        sha: 'bcbb5ec396a2c0f828686f14fac9b80b780504f2',
        ref: 'master',
        status: 'success',
        startedAt: Date.UTC(2016, 7, 12, 15, 23, 28),
        finishedAt: Date.UTC(2016, 7, 12, 15, 26, 29),
        url: 'http://example.com/gitlab-org/gitlab-test/-/pipelines/31',
      },
    ]);
  });

  it('Job Hook: a created job is queued', () => {
    expect(map('job.json', 'Job Hook').facts).toEqual([
      {
        kind: 'pipeline_run',
        category: 'task',
        id: 'gitlab:gitlab-org/gitlab-test:job:1977',
        repo: 'https://192.168.64.1:3005/gitlab-org/gitlab-test',
        name: 'test',
        sha: '2293ada6b400935a1378653304eaf6221e0fdb8f',
        ref: 'gitlab-script-trigger',
        status: 'queued',
        url: 'https://192.168.64.1:3005/gitlab-org/gitlab-test/-/jobs/1977',
      },
    ]);
  });

  it('Deployment Hook: environment, status, full sha from commit_url', () => {
    expect(map('deployment.json', 'Deployment Hook').facts).toEqual([
      {
        kind: 'deployment',
        id: 'gitlab:root/test-deployment-webhooks:deployment:15',
        repo: 'https://10.126.0.2:3000/root/test-deployment-webhooks',
        environment: 'staging',
        sha: '279484c09fbe69ededfced8c1bb6e6d24616b468',
        status: 'success',
        finishedAt: Date.UTC(2021, 3, 28, 19, 50, 0), // 21:50:00 +0200
        intent: 'deploy',
        description: 'Add new file',
        url: 'http://10.126.0.2:3000/root/test-deployment-webhooks/-/jobs/796',
      },
    ]);
  });

  it('Release Hook create → a released artifact', () => {
    expect(map('release.json', 'Release Hook').facts).toEqual([
      {
        kind: 'artifact',
        id: 'gitlab:gitlab-org/release-webhook-example@v1.1',
        repo: 'https://example.com/gitlab-org/release-webhook-example',
        action: 'released',
        version: 'v1.1',
        sha: 'ee0a3fb31ac16e11b9dbb596ad16d4af654d08f8',
        at: Date.UTC(2020, 10, 2, 12, 55, 12),
        url: 'https://example.com/gitlab-org/release-webhook-example/-/releases/v1.1',
      },
    ]);
  });

  it('Issue Hook: an incident by label or by type, with severity', () => {
    expect(map('work-item.json', 'Issue Hook').facts).toEqual([]);
    const byLabel = map('work-item.json', 'Issue Hook', load('work-item.json'), {
      ...defaultSourceRules,
      incidentLabels: ['api'],
    });
    expect(byLabel.facts).toEqual([
      {
        kind: 'incident',
        id: 'gitlab:gitlabhq/gitlab-test#23',
        repo: 'https://example.com/gitlabhq/gitlab-test',
        title: 'New API: create/update/delete file',
        severity: 'high',
        status: 'detected',
        detectedAt: Date.UTC(2013, 11, 3, 17, 15, 43),
        url: 'http://example.com/diaspora/issues/23',
      },
    ]);
    const incident = load('work-item.json');
    Object.assign(incident.object_attributes, {
      issue_type: 'incident',
      state: 'closed',
      closed_at: '2013-12-04T10:00:00Z',
    });
    incident.labels = [{ title: 'SEV-1' }];
    expect(map('work-item.json', 'Issue Hook', incident).facts[0]).toMatchObject({
      status: 'resolved',
      severity: 'sev1',
      resolvedAt: Date.UTC(2013, 11, 4, 10, 0, 0),
    });
  });

  it('a Note Hook takes its time from object_attributes.updated_at, and the docs quirk parses', () => {
    expect(map('comment-on-a-merge-request.json', 'Note Hook').occurredAt).toBe(
      Date.UTC(2015, 4, 17, 18, 21, 36),
    );
    const quirk = /"timestamp": "(2015-04-08T21: 00:25-07:00)"/.exec(
      readFileSync(join(DIR, 'comment-on-a-merge-request.json'), 'utf8'),
    );
    expect(parseTimestamp(quirk?.[1])).toBe(Date.UTC(2015, 3, 9, 4, 0, 25));
  });
});
