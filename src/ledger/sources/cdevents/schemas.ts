import { z } from '../../../core/zod.js';
import { isRfc3339 } from '../time.js';

/**
 * The CDEvents JSON schemas (cdevents/spec, schemas/*.json at v0.5.1) written again in zod, so the
 * project needs no copy of them at run time. Tests check every verdict against the official files.
 * 0.4.x is the same vocabulary one minor event version lower, with three differences documented in
 * the 0.4→0.5 migration: `context.version` (not `specversion`), a required `subject.type`, and
 * `url` where 0.5 says `uri`. Its outcome values are accepted as any string (0.4 used `pass`/`fail`).
 */
export type Flavour = '0.4' | '0.5';

// RFC 3986 absolute URI: a scheme, a colon, no spaces (what ajv-formats `uri` accepts in practice).
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;
const text = () => z.string();
const nonEmpty = () => z.string().min(1);
const uriRef = () => z.string().min(1);
const uri = () => z.string().regex(ABSOLUTE_URI, 'must be an absolute URI');
const dateTime = () => z.string().refine(isRfc3339, 'must be an RFC 3339 date-time with a time zone');
const ref = () => z.strictObject({ id: nonEmpty(), source: uriRef().optional() });
const runRef = () => z.strictObject({ id: nonEmpty(), source: text().optional() });
const outcome = (f: Flavour) => (f === '0.5' ? z.enum(['success', 'failure', 'cancel', 'error']) : text());
const severity = () => z.enum(['low', 'medium', 'high', 'critical']);
const trigger = () =>
  z.looseObject({
    type: z.enum(['manual', 'pipeline', 'event', 'schedule', 'other']).optional(),
    uri: uri().optional(),
  });
const testCase = () =>
  z.strictObject({
    id: nonEmpty(),
    version: text().optional(),
    name: text().optional(),
    type: z
      .enum(['performance', 'functional', 'unit', 'security', 'compliance', 'integration', 'e2e', 'other'])
      .optional(),
    uri: uri().optional(),
  });
const testSuite = () =>
  z.strictObject({
    id: nonEmpty(),
    version: text().optional(),
    name: text().optional(),
    uri: uri().optional(),
  });

type Shape = Record<string, z.ZodType>;

/** `uri` in 0.5 was `url` in 0.4 for environment, pipelineRun, repository and taskRun. */
function link(f: Flavour, schema: z.ZodType): Shape {
  return f === '0.5' ? { uri: schema } : { url: schema };
}

function ticket(required: 'created' | 'updated' | 'closed'): Shape {
  return {
    summary: required === 'created' ? text() : text().optional(),
    ticketType: text().optional(),
    group: text().optional(),
    creator: required === 'created' ? nonEmpty() : nonEmpty().optional(),
    assignees: z.array(text()).optional(),
    priority: text().optional(),
    labels: z.array(text()).optional(),
    milestone: text().optional(),
    uri: uriRef(),
    ...(required === 'closed' ? { resolution: nonEmpty() } : {}),
    ...(required === 'created' ? {} : { updatedBy: text().optional() }),
  };
}

/** Subject content per `<subject>.<predicate>`, with the event version it has in CDEvents 0.5.1. */
function contents(f: Flavour): Record<string, [version: string, content: Shape]> {
  const repository = { repository: ref().optional() };
  const deployed = { environment: ref(), artifactId: nonEmpty() };
  const incident = {
    description: text().optional(),
    environment: ref(),
    service: ref().optional(),
    artifactId: nonEmpty().optional(),
  };
  const testCaseRun = {
    environment: ref(),
    testSuiteRun: runRef().optional(),
    testCase: testCase().optional(),
  };
  const taskRun = {
    taskName: text().optional(),
    ...link(f, uri().optional()),
    pipelineRun: ref().optional(),
  };
  const repo = { owner: text().optional(), viewUrl: uri().optional() };
  return {
    'artifact.deleted': ['0.2.0', { user: nonEmpty().optional() }],
    'artifact.downloaded': ['0.2.0', { user: nonEmpty().optional() }],
    'artifact.packaged': ['0.3.0', { change: ref(), sbom: z.strictObject({ uri: uriRef() }).optional() }],
    'artifact.published': [
      '0.3.0',
      { sbom: z.strictObject({ uri: uriRef() }).optional(), user: nonEmpty().optional() },
    ],
    'artifact.signed': ['0.3.0', { signature: nonEmpty() }],
    'branch.created': ['0.3.0', repository],
    'branch.deleted': ['0.3.0', repository],
    'build.queued': ['0.3.0', {}],
    'build.started': ['0.3.0', {}],
    'build.finished': ['0.3.0', { artifactId: text().optional() }],
    'change.created': ['0.4.0', { description: nonEmpty().optional(), ...repository }],
    'change.updated': ['0.3.0', repository],
    'change.reviewed': ['0.3.0', repository],
    'change.merged': ['0.3.0', repository],
    'change.abandoned': ['0.3.0', repository],
    'environment.created': ['0.3.0', { name: text().optional(), ...link(f, uri().optional()) }],
    'environment.modified': ['0.3.0', { name: text().optional(), ...link(f, uri().optional()) }],
    'environment.deleted': ['0.3.0', { name: text().optional() }],
    'incident.detected': ['0.3.0', incident],
    'incident.reported': ['0.3.0', { ...incident, ticketURI: uri().min(1) }],
    'incident.resolved': ['0.3.0', incident],
    'pipelinerun.queued': ['0.3.0', { pipelineName: text().optional(), ...link(f, uri().optional()) }],
    'pipelinerun.started': ['0.3.0', { pipelineName: text(), ...link(f, uri()) }],
    'pipelinerun.finished': [
      '0.3.0',
      {
        pipelineName: text().optional(),
        ...link(f, uri().optional()),
        outcome: outcome(f).optional(),
        errors: text().optional(),
      },
    ],
    'repository.created': ['0.3.0', { name: nonEmpty(), ...link(f, uri()), ...repo }],
    'repository.modified': ['0.3.0', { name: text().optional(), ...link(f, uri().optional()), ...repo }],
    'repository.deleted': ['0.3.0', { name: text().optional(), ...link(f, uri().optional()), ...repo }],
    'service.deployed': ['0.3.0', deployed],
    'service.upgraded': ['0.3.0', deployed],
    'service.rolledback': ['0.3.0', deployed],
    'service.removed': ['0.3.0', { environment: ref().optional() }],
    'service.published': ['0.3.0', { environment: ref().optional() }],
    'taskrun.started': ['0.3.0', taskRun],
    'taskrun.finished': ['0.3.0', { ...taskRun, outcome: text().optional(), errors: text().optional() }],
    'testcaserun.queued': ['0.3.0', { trigger: trigger().optional(), ...testCaseRun }],
    'testcaserun.started': ['0.3.0', { trigger: trigger().optional(), ...testCaseRun }],
    'testcaserun.finished': [
      '0.3.0',
      { outcome: outcome(f), severity: severity().optional(), reason: text().optional(), ...testCaseRun },
    ],
    'testcaserun.skipped': [
      '0.2.0',
      { reason: text().optional(), ...testCaseRun, environment: ref().optional() },
    ],
    'testoutput.published': [
      '0.3.0',
      {
        outputType: z.enum(['report', 'video', 'image', 'log', 'other']),
        format: text(),
        uri: uri().optional(),
        testCaseRun: runRef().optional(),
      },
    ],
    'testsuiterun.queued': [
      '0.3.0',
      { trigger: trigger().optional(), environment: ref(), testSuite: testSuite().optional() },
    ],
    'testsuiterun.started': [
      '0.3.0',
      { trigger: trigger().optional(), environment: ref(), testSuite: testSuite().optional() },
    ],
    'testsuiterun.finished': [
      '0.3.0',
      {
        environment: ref(),
        testSuite: testSuite().optional(),
        outcome: outcome(f),
        severity: severity().optional(),
        reason: text().optional(),
      },
    ],
    'ticket.created': ['0.2.0', ticket('created')],
    'ticket.updated': ['0.2.0', ticket('updated')],
    'ticket.closed': ['0.2.0', ticket('closed')],
  };
}

const tables: Record<Flavour, Record<string, [string, Shape]>> = {
  '0.4': contents('0.4'),
  '0.5': contents('0.5'),
};

/** The event version a `<subject>.<predicate>` has in a spec flavour; 0.4.1 is one minor lower throughout. */
export function eventVersion(f: Flavour, key: string): string | undefined {
  const version = tables['0.5'][key]?.[0];
  if (!version || f === '0.5') return version;
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return `${major}.${minor - 1}.${patch}`;
}

const embeddedLink = () => {
  const contextRef = z.looseObject({ contextId: nonEmpty() });
  const tags = z.record(z.string(), z.unknown()).optional();
  return z.union([
    z.strictObject({ linkType: z.literal('END'), from: contextRef.optional(), tags }),
    z.strictObject({ linkType: z.literal('PATH'), from: contextRef, tags }),
    z.strictObject({
      linkType: z.literal('RELATION'),
      linkKind: nonEmpty(),
      target: z.looseObject({ contextId: nonEmpty().optional() }),
      tags,
    }),
  ]);
};

const cache = new Map<string, z.ZodType>();

/**
 * The whole-event schema for one type. `key` is `<subject>.<predicate>`, or undefined for a custom
 * (`dev.cdeventsx.*`) event, whose content is free-form.
 */
export function cdeventSchema(f: Flavour, type: string, key: string | undefined): z.ZodType {
  const cacheKey = `${f} ${type}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const content = key ? z.strictObject(tables[f][key]?.[1] ?? {}) : z.record(z.string(), z.unknown());
  const subjectType = f === '0.4' ? { type: key ? nonEmpty() : nonEmpty().optional() } : {};
  // ticket.closed 0.2.0 (and only it) still declares the old optional `subject.type: "ticket"`.
  const ticketType = f === '0.5' && key === 'ticket.closed' ? { type: z.literal('ticket').optional() } : {};
  const schema = z.strictObject({
    context: z.strictObject({
      [f === '0.5' ? 'specversion' : 'version']: nonEmpty(),
      id: nonEmpty(),
      source: uriRef(),
      type: z.literal(type),
      timestamp: dateTime(),
      schemaUri: uri().optional(),
      chainId: nonEmpty().optional(),
      links: z.array(embeddedLink()).optional(),
    }),
    subject: z.strictObject({
      id: nonEmpty(),
      source: uriRef().optional(),
      ...subjectType,
      ...ticketType,
      content,
    }),
    customData: z.union([z.record(z.string(), z.unknown()), z.string()]).optional(),
    customDataContentType: z.string().optional(),
  });
  cache.set(cacheKey, schema);
  return schema;
}
