import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusAvailable } from '../test-corpus.js';
import { type Cdevent, mapCdevent, purlVersion, repositoryUrl } from './map.js';

const haveCorpus = corpusAvailable('CDEvents mapping');
const load = (name: string): Cdevent =>
  JSON.parse(readFileSync(join(CORPUS, 'cdevents/v0.5.1/conformance', `${name}.json`), 'utf8'));
const receivedAt = Date.UTC(2030, 0, 1);
// 2023-03-20T14:27:05.315384Z, the timestamp of most conformance events
const T = Date.UTC(2023, 2, 20, 14, 27, 5, 315);
const T_INCIDENT = Date.UTC(2022, 10, 11, 13, 52, 20, 79);
const DIGEST = 'sha256:0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427';

describe('purlVersion and repositoryUrl', () => {
  it('decodes the purl version', () => {
    expect(purlVersion('pkg:oci/myapp@sha256%3A0b31?arch=amd64')).toBe('sha256:0b31');
    expect(purlVersion('pkg:golang/mygit.com/myorg/myapp@234fd47e07d1004f0aed9c')).toBe(
      '234fd47e07d1004f0aed9c',
    );
    expect(purlVersion('pkg:npm/left-pad')).toBeUndefined();
  });
  it('joins source and id, or takes a URL id', () => {
    expect(repositoryUrl({ id: 'TestRepo/TestOrg', source: 'https://example.org' })).toBe(
      'https://example.org/TestRepo/TestOrg',
    );
    expect(repositoryUrl({ id: 'git@github.com:acme/shop.git' })).toBe('https://github.com/acme/shop');
    expect(repositoryUrl({ id: 'shop', source: '/scm' })).toBeUndefined();
  });
});

describe.skipIf(!haveCorpus)('mapCdevent on the v0.5.1 conformance events', () => {
  it('service.deployed → a successful deployment of the purl version', () => {
    expect(mapCdevent(load('service_deployed'), { receivedAt })).toEqual({
      source: 'cdevents',
      eventId: '/event/source/123#271069a8-fc18-44f1-b38f-9d70a1695819',
      type: 'dev.cdevents.service.deployed.0.3.0',
      occurredAt: T,
      raw: load('service_deployed'),
      facts: [
        {
          kind: 'deployment',
          id: '271069a8-fc18-44f1-b38f-9d70a1695819',
          runId: '4c8cb7dd-3448-41de-8768-eec704e2829b',
          service: 'mySubject123',
          environment: 'test123',
          version: DIGEST,
          status: 'success',
          finishedAt: T,
          intent: 'deploy',
        },
      ],
    });
  });

  it('service.rolledback and service.removed carry their intent', () => {
    expect(mapCdevent(load('service_rolledback'), { receivedAt }).facts[0]).toMatchObject({
      intent: 'rollback',
    });
    expect(mapCdevent(load('service_upgraded'), { receivedAt }).facts[0]).toMatchObject({ intent: 'deploy' });
    expect(mapCdevent(load('service_removed'), { receivedAt }).facts).toEqual([
      expect.objectContaining({ intent: 'remove', environment: 'test123', status: 'success' }),
    ]);
    expect(mapCdevent(load('service_published'), { receivedAt }).facts).toEqual([]);
  });

  it('change.* → change facts with the repository URL', () => {
    expect(mapCdevent(load('change_created'), { receivedAt }).facts).toEqual([
      {
        kind: 'change',
        id: 'mySubject123',
        repo: 'https://example.org/TestRepo/TestOrg',
        state: 'open',
        openedAt: T,
        workItems: [],
      },
    ]);
    expect(mapCdevent(load('change_merged'), { receivedAt }).facts[0]).toMatchObject({
      state: 'merged',
      mergedAt: T,
    });
    expect(mapCdevent(load('change_reviewed'), { receivedAt }).facts[0]).toMatchObject({
      state: 'open',
      firstReviewAt: T,
    });
    expect(mapCdevent(load('change_abandoned'), { receivedAt }).facts[0]).toMatchObject({ state: 'closed' });
  });

  it('pipelinerun/taskrun/build → pipeline runs with mapped outcomes', () => {
    expect(mapCdevent(load('pipelinerun_finished'), { receivedAt }).facts).toEqual([
      {
        kind: 'pipeline_run',
        category: 'pipeline',
        id: 'mySubject123',
        name: 'myPipeline',
        status: 'failure',
        finishedAt: T,
        url: 'https://www.example.com/mySubject123',
      },
    ]);
    expect(mapCdevent(load('pipelinerun_queued'), { receivedAt }).facts[0]).toMatchObject({
      status: 'queued',
    });
    expect(mapCdevent(load('pipelinerun_started'), { receivedAt }).facts[0]).toMatchObject({
      status: 'running',
      startedAt: T,
    });
    expect(mapCdevent(load('taskrun_finished'), { receivedAt }).facts[0]).toMatchObject({
      category: 'task',
      name: 'myTask',
      status: 'failure',
    });
    expect(mapCdevent(load('build_finished'), { receivedAt }).facts[0]).toMatchObject({
      category: 'build',
      status: 'success',
    });
  });

  it('testsuiterun/testcaserun → test runs', () => {
    expect(mapCdevent(load('testsuiterun_finished'), { receivedAt }).facts).toEqual([
      {
        kind: 'test_run',
        level: 'suite',
        id: 'myTestSuiteRun123',
        name: 'Auth TestSuite',
        status: 'failure',
        finishedAt: T,
      },
    ]);
    expect(mapCdevent(load('testcaserun_finished'), { receivedAt }).facts[0]).toMatchObject({
      level: 'case',
      name: 'Login Test',
      status: 'success',
    });
    expect(mapCdevent(load('testcaserun_skipped'), { receivedAt }).facts[0]).toMatchObject({
      status: 'skipped',
    });
  });

  it('artifact.* → artifact facts', () => {
    expect(mapCdevent(load('artifact_published'), { receivedAt }).facts).toEqual([
      {
        kind: 'artifact',
        id: 'pkg:golang/mygit.com/myorg/myapp@234fd47e07d1004f0aed9c',
        action: 'published',
        version: '234fd47e07d1004f0aed9c',
        at: T,
      },
    ]);
  });

  it('incident.* → incidents with service, environment and artifact', () => {
    expect(mapCdevent(load('incident_reported'), { receivedAt }).facts).toEqual([
      {
        kind: 'incident',
        id: 'incident-123',
        status: 'reported',
        service: 'myApp',
        environment: 'prod1',
        title: 'Response time above threshold of 100ms',
        detectedAt: T_INCIDENT,
        url: 'https://my-issues.example/incidents/ticket-345',
        artifactId: `pkg:oci/myapp@sha256%3A0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427`,
      },
    ]);
    expect(mapCdevent(load('incident_resolved'), { receivedAt }).facts[0]).toMatchObject({
      status: 'resolved',
      resolvedAt: T_INCIDENT,
    });
  });

  it.each([
    'ticket_created',
    'branch_created',
    'repository_created',
    'environment_created',
    'testoutput_published',
  ])('%s maps to no facts', (name) => {
    expect(mapCdevent(load(name), { receivedAt }).facts).toEqual([]);
  });

  it('a custom event maps to no facts', () => {
    const custom = JSON.parse(readFileSync(join(CORPUS, 'cdevents/main/custom/conformance.json'), 'utf8'));
    expect(mapCdevent(custom, { receivedAt })).toMatchObject({
      type: 'dev.cdeventsx.mytool-resource.created.0.1.0',
      facts: [],
    });
  });
});
