import {
  type ArtifactFact,
  type ChangeFact,
  type DeploymentFact,
  type Fact,
  type IncidentFact,
  type MappedEvent,
  normaliseRepoUrl,
  type PipelineRunFact,
  type RunStatus,
  type TestRunFact,
  workItemsIn,
} from '../../facts.js';
import { parseTimestamp } from '../time.js';
import { typeParts } from './validate.js';

/** A CDEvent that validateCdevent accepted. */
export interface Cdevent {
  context: { id: string; source: string; type: string; timestamp: string; chainId?: string };
  subject: { id: string; source?: string; content: Record<string, unknown> };
}

type Content = Record<string, unknown>;
interface Ctx {
  e: Cdevent;
  predicate: string;
  at: number;
  c: Content;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const refId = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null ? str((v as Content).id) : undefined;

/** `pkg:oci/myapp@sha256%3A0b31…?arch=amd64` → `sha256:0b31…` (the purl version, decoded). */
export function purlVersion(purl: string | undefined): string | undefined {
  const m = purl ? /^pkg:[^@?#]+@([^?#]+)/.exec(purl) : null;
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1];
  }
}

/**
 * `content.repository` as a repository URL: its `url` when given, its id when that is already a
 * URL, else `source` + `/` + `id` (`https://example.org` + `TestRepo/TestOrg`).
 */
export function repositoryUrl(repository: unknown): string | undefined {
  if (typeof repository !== 'object' || repository === null) return undefined;
  const r = repository as Content;
  const url = str(r.url) ?? str(r.uri);
  if (url) return normaliseRepoUrl(url);
  const id = str(r.id);
  if (id && /^(https?|ssh|git):\/\/|^[\w.-]+@[\w.-]+:/.test(id)) return normaliseRepoUrl(id);
  const source = str(r.source);
  if (id && source && /^https?:\/\//.test(source))
    return normaliseRepoUrl(`${source.replace(/\/+$/, '')}/${id}`);
  return undefined;
}

/** CDEvents outcomes (`success|failure|cancel|error`, and 0.4's `pass|fail`) as a run status. */
export function outcomeStatus(outcome: unknown, errors?: unknown): RunStatus {
  switch (typeof outcome === 'string' ? outcome.toLowerCase() : undefined) {
    case 'success':
    case 'pass':
      return 'success';
    case 'failure':
    case 'fail':
      return 'failure';
    case 'cancel':
    case 'cancelled':
    case 'canceled':
      return 'cancelled';
    case 'error':
      return 'error';
    case 'skipped':
      return 'skipped';
    case undefined:
      // The outcome is optional: a run that finished with no errors reported is taken as a success.
      return str(errors) ? 'failure' : 'success';
    default:
      return 'error';
  }
}

function lifecycle(predicate: string, c: Content): RunStatus {
  if (predicate === 'queued') return 'queued';
  if (predicate === 'started') return 'running';
  if (predicate === 'skipped') return 'skipped';
  return outcomeStatus(c.outcome, c.errors);
}

function change({ e, predicate, at, c }: Ctx): ChangeFact {
  const state = predicate === 'merged' ? 'merged' : predicate === 'abandoned' ? 'closed' : 'open';
  const repo = repositoryUrl(c.repository);
  return {
    kind: 'change',
    id: e.subject.id,
    state,
    ...(repo ? { repo } : {}),
    ...(predicate === 'created' ? { openedAt: at } : {}),
    ...(predicate === 'reviewed' ? { firstReviewAt: at } : {}),
    ...(predicate === 'merged' ? { mergedAt: at } : {}),
    workItems: workItemsIn(str(c.description)),
  };
}

function pipelineRun({ e, predicate, at, c }: Ctx, category: PipelineRunFact['category']): PipelineRunFact {
  const status = category === 'build' && predicate === 'finished' ? 'success' : lifecycle(predicate, c);
  const name = str(c.pipelineName) ?? str(c.taskName);
  const url = str(c.uri) ?? str(c.url);
  return {
    kind: 'pipeline_run',
    category,
    id: e.subject.id,
    status,
    ...(name ? { name } : {}),
    ...(predicate === 'started' ? { startedAt: at } : {}),
    ...(predicate === 'finished' ? { finishedAt: at } : {}),
    ...(url ? { url } : {}),
  };
}

function testRun({ e, predicate, at, c }: Ctx, level: TestRunFact['level']): TestRunFact {
  const test = (level === 'suite' ? c.testSuite : c.testCase) as Content | undefined;
  const name = str(test?.name);
  const done = predicate === 'finished' || predicate === 'skipped';
  return {
    kind: 'test_run',
    level,
    id: e.subject.id,
    status: lifecycle(predicate, c),
    ...(name ? { name } : {}),
    ...(predicate === 'started' ? { startedAt: at } : {}),
    ...(done ? { finishedAt: at } : {}),
  };
}

function artifact({ e, predicate, at }: Ctx): ArtifactFact {
  const version = purlVersion(e.subject.id);
  return {
    kind: 'artifact',
    id: e.subject.id,
    action: predicate as ArtifactFact['action'],
    ...(version ? { version } : {}),
    at,
  };
}

const INTENT: Record<string, DeploymentFact['intent']> = {
  deployed: 'deploy',
  upgraded: 'deploy',
  rolledback: 'rollback',
  removed: 'remove',
};

function deployment({ e, predicate, at, c }: Ctx): DeploymentFact {
  const version = purlVersion(str(c.artifactId));
  return {
    kind: 'deployment',
    // Each service event is one deployment: the subject id names the service, not the deployment.
    id: e.context.id,
    ...(e.context.chainId ? { runId: e.context.chainId } : {}),
    service: e.subject.id,
    // service.removed may omit it; the fact needs one.
    environment: refId(c.environment) ?? 'unknown',
    ...(version ? { version } : {}),
    status: 'success',
    finishedAt: at,
    intent: INTENT[predicate],
  };
}

function incident({ e, predicate, at, c }: Ctx): IncidentFact {
  const environment = refId(c.environment);
  const service = refId(c.service);
  const title = str(c.description);
  const url = str(c.ticketURI);
  const artifactId = str(c.artifactId);
  return {
    kind: 'incident',
    id: e.subject.id,
    status: predicate as IncidentFact['status'],
    ...(service ? { service } : {}),
    ...(environment ? { environment } : {}),
    ...(title ? { title } : {}),
    ...(predicate === 'resolved' ? { resolvedAt: at } : { detectedAt: at }),
    ...(url ? { url } : {}),
    ...(artifactId ? { artifactId } : {}),
  };
}

function factsFor(subject: string, ctx: Ctx): Fact[] {
  const { predicate } = ctx;
  switch (subject) {
    case 'change':
      return [change(ctx)];
    case 'build':
      return [pipelineRun(ctx, 'build')];
    case 'pipelinerun':
      return [pipelineRun(ctx, 'pipeline')];
    case 'taskrun':
      return [pipelineRun(ctx, 'task')];
    case 'testsuiterun':
      return [testRun(ctx, 'suite')];
    case 'testcaserun':
      return [testRun(ctx, 'case')];
    case 'artifact':
      return [artifact(ctx)];
    case 'service':
      return predicate in INTENT ? [deployment(ctx)] : [];
    case 'incident':
      return [incident(ctx)];
    default:
      // ticket, branch, repository, environment, testoutput and custom events: kept raw, unmapped.
      return [];
  }
}

/** One validated CDEvent as ledger facts (none for subjects the ledger does not measure). */
export function mapCdevent(cdevent: Cdevent, options: { receivedAt: number }): MappedEvent {
  const parts = typeParts(cdevent.context.type);
  const at = parseTimestamp(cdevent.context.timestamp) ?? options.receivedAt;
  const ctx: Ctx = { e: cdevent, predicate: parts?.predicate ?? '', at, c: cdevent.subject.content ?? {} };
  const facts = parts && !parts.custom ? factsFor(parts.subject, ctx) : [];
  return {
    source: 'cdevents',
    // CloudEvents identify an event by source and id together; ids alone collide across producers.
    eventId: `${cdevent.context.source}#${cdevent.context.id}`,
    type: cdevent.context.type,
    occurredAt: at,
    facts,
    raw: cdevent,
  };
}
