import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusAvailable } from '../test-corpus.js';
import { validateCdevent } from './validate.js';

// biome-ignore lint/suspicious/noExplicitAny: untyped JSON payloads, read freely in tests
type Json = Record<string, any>;
const V051 = join(CORPUS, 'cdevents/v0.5.1');
const MAIN = join(CORPUS, 'cdevents/main');
const haveCorpus = corpusAvailable('CDEvents');
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8'));
const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'));

/** The official schemas, read in place: the spec's own setup (Ajv2020, ajv-formats, links schemas). */
function officialValidator() {
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
  (addFormats as unknown as typeof addFormats.default)(ajv);
  for (const f of jsonFiles(join(V051, 'schemas/links')))
    ajv.addSchema(readJson(join(V051, 'schemas/links', f)));
  const byType = new Map<string, { schema: Json; check: (e: unknown) => boolean }>();
  for (const f of jsonFiles(join(V051, 'schemas'))) {
    const schema = readJson(join(V051, 'schemas', f));
    const check = ajv.compile(schema);
    byType.set(schema.properties.context.properties.type.enum[0], {
      schema,
      check: (e) => check(e) as boolean,
    });
  }
  return byType;
}

/** A value of the wrong JSON type: a string where an object or array is due, else a number. */
const wrongFor = (schema: Json | undefined) =>
  schema?.type === 'object' || schema?.type === 'array' ? 'not-an-object' : 42;

/** Mutations of one event, each named, derived from its official schema. */
function mutations(event: Json, schema: Json): [string, Json][] {
  const out: [string, Json][] = [];
  const mutate = (name: string, change: (e: Json) => void) => {
    const copy = structuredClone(event);
    change(copy);
    out.push([name, copy]);
  };
  const ctx = schema.properties.context;
  const subject = schema.properties.subject;
  const content = subject.properties.content;
  for (const field of ctx.required as string[])
    mutate(`without context.${field}`, (e) => delete e.context[field]);
  for (const field of subject.required as string[])
    mutate(`without subject.${field}`, (e) => delete e.subject[field]);
  for (const field of (content.required ?? []) as string[]) {
    mutate(`without content.${field}`, (e) => delete e.subject.content[field]);
  }
  for (const field of ['id', 'source', 'timestamp', 'specversion']) {
    mutate(`context.${field} a number`, (e) => (e.context[field] = 7));
  }
  mutate('subject.id a number', (e) => (e.subject.id = 7));
  mutate('content a string', (e) => (e.subject.content = 'x'));
  for (const [field, fieldSchema] of Object.entries(content.properties ?? {}) as [string, Json][]) {
    mutate(`content.${field} of the wrong type`, (e) => (e.subject.content[field] = wrongFor(fieldSchema)));
    if (fieldSchema.type === 'object' && fieldSchema.additionalProperties === false) {
      mutate(`unknown property in content.${field}`, (e) => {
        e.subject.content[field] = { ...(e.subject.content[field] ?? { id: 'x' }), bogus: 1 };
      });
    }
  }
  mutate('unknown property at the top', (e) => (e.bogus = 1));
  mutate('unknown property in context', (e) => (e.context.bogus = 1));
  mutate('unknown property in subject', (e) => (e.subject.bogus = 1));
  mutate('unknown property in content', (e) => (e.subject.content.bogus = 1));
  mutate('timestamp without a zone', (e) => (e.context.timestamp = '2023-03-20T14:27:05'));
  mutate('customData an array', (e) => (e.customData = [1]));
  return out;
}

describe.skipIf(!haveCorpus)('validateCdevent against the official v0.5.1 schemas', () => {
  const official = haveCorpus ? officialValidator() : new Map();
  const files = haveCorpus ? jsonFiles(join(V051, 'conformance')) : [];

  it('has one conformance event per schema (45)', () => {
    expect(files).toHaveLength(45);
    expect(official.size).toBe(45);
  });

  it.each(files)('accepts %s, as the official schema does', (file) => {
    const event = readJson(join(V051, 'conformance', file));
    expect(official.get(event.context.type)!.check(event)).toBe(true);
    expect(validateCdevent(event)).toMatchObject({ ok: true, specversion: '0.5.1' });
  });

  it.each(files)('gives the official verdict on every mutation of %s', (file) => {
    const event = readJson(join(V051, 'conformance', file));
    const { schema, check } = official.get(event.context.type)!;
    const disagreements: string[] = [];
    const cases = mutations(event, schema);
    for (const [name, mutated] of cases) {
      const theirs = check(mutated);
      const ours = validateCdevent(mutated).ok;
      if (theirs !== ours) disagreements.push(`${name}: official ${theirs}, ours ${ours}`);
    }
    expect(disagreements).toEqual([]);
    // Every mutation above breaks the schema; make sure the set really exercises rejection.
    expect(cases.every(([, m]) => !check(m))).toBe(true);
  });
});

describe.skipIf(!haveCorpus)('CDEvents versions', () => {
  it('rejects every 0.6.0-draft event from main by name', () => {
    const files = jsonFiles(join(MAIN, 'conformance'));
    expect(files).toHaveLength(48);
    for (const file of files) {
      expect(validateCdevent(readJson(join(MAIN, 'conformance', file)))).toEqual({
        ok: false,
        issues: [
          {
            path: '/context/specversion',
            message: 'unsupported specversion 0.6.0-draft (supported: 0.4.x, 0.5.x)',
          },
        ],
      });
    }
  });

  it('rejects the main custom event as 0.6.0-draft, and accepts it as a 0.5.1 custom event', () => {
    // The file declares specversion 0.6.0-draft: the spec version rules apply to custom events too.
    const custom = readJson(join(MAIN, 'custom/conformance.json'));
    expect(validateCdevent(custom)).toMatchObject({ ok: false });
    custom.context.specversion = '0.5.1';
    expect(validateCdevent(custom)).toEqual({
      ok: true,
      specversion: '0.5.1',
      version: '0.1.0',
      subject: 'mytool-resource',
      predicate: 'created',
      custom: true,
    });
  });

  it('accepts a 0.4.1 event (context.version, subject.type, url) and rejects 0.5 shapes under 0.4', () => {
    const event = {
      context: {
        version: '0.4.1',
        id: 'e1',
        source: '/ci',
        type: 'dev.cdevents.pipelinerun.finished.0.2.0',
        timestamp: '2024-01-15T10:30:00Z',
      },
      subject: {
        id: 'run-1',
        type: 'pipelineRun',
        content: { pipelineName: 'build', url: 'https://ci.example/run/1', outcome: 'success' },
      },
    };
    expect(validateCdevent(event)).toEqual({
      ok: true,
      specversion: '0.4.1',
      version: '0.2.0',
      subject: 'pipelinerun',
      predicate: 'finished',
      custom: false,
    });
    const { type: _dropped, ...noType } = event.subject;
    expect(validateCdevent({ ...event, subject: noType })).toEqual({
      ok: false,
      issues: [{ path: '/subject/type', message: 'required' }],
    });
  });

  it('names the expected event version when a type is from another release', () => {
    const event = readJson(join(V051, 'conformance/service_deployed.json'));
    event.context.type = 'dev.cdevents.service.deployed.0.2.0';
    expect(validateCdevent(event)).toEqual({
      ok: false,
      issues: [
        {
          path: '/context/type',
          message:
            'dev.cdevents.service.deployed.0.2.0 is not part of CDEvents 0.5.x (expected dev.cdevents.service.deployed.0.3.0)',
        },
      ],
    });
  });

  it('reports every problem with its field path', () => {
    const event = readJson(join(V051, 'conformance/service_deployed.json'));
    delete event.context.id;
    delete event.subject.content.artifactId;
    event.subject.content.environment.extra = true;
    const verdict = validateCdevent(event);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.issues.map((i) => i.path).sort()).toEqual([
      '/context/id',
      '/subject/content/artifactId',
      '/subject/content/environment',
    ]);
  });

  it('rejects unknown types and malformed type strings', () => {
    const base = { context: { specversion: '0.5.1', type: 'dev.cdevents.foo.bar.0.1.0' }, subject: {} };
    expect(validateCdevent(base)).toEqual({
      ok: false,
      issues: [
        { path: '/context/type', message: 'unknown event type dev.cdevents.foo.bar.0.1.0 in CDEvents 0.5.x' },
      ],
    });
    expect(
      validateCdevent({ ...base, context: { specversion: '0.5.1', type: 'build.started' } }),
    ).toMatchObject({
      ok: false,
      issues: [{ path: '/context/type' }],
    });
    expect(validateCdevent('nope')).toMatchObject({ ok: false, issues: [{ path: '/' }] });
  });
});
