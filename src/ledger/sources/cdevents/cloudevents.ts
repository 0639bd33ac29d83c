import { isRfc3339 } from '../time.js';
import type { Issue } from './validate.js';

/** CloudEvents 1.0 attributes the ledger keeps; absent when a bare CDEvent was posted. */
export interface CloudEventAttributes {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time?: string;
  subject?: string;
  datacontenttype?: string;
}

export interface InboundCdevent {
  cloudEvent?: CloudEventAttributes;
  /** The CDEvent `{context, subject}` to check with validateCdevent. */
  cdevent: unknown;
}

/** One entry per event in the request, so a batch can accept some events and reject others. */
export interface ParsedEvent {
  index: number;
  event?: InboundCdevent;
  issues?: Issue[];
}

export interface CloudEventsRequest {
  contentType: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** The raw request body */
  body: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

function header(headers: CloudEventsRequest['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function parseJson(body: string): { value: unknown } | { issue: Issue } {
  try {
    return { value: JSON.parse(body) };
  } catch (error) {
    return { issue: { path: '/', message: `invalid JSON: ${(error as Error).message}` } };
  }
}

/** The CloudEvents required attributes (and `time`, when present), each problem with its path. */
function attributeIssues(attrs: Record<string, unknown>, prefix: string): Issue[] {
  const issues: Issue[] = [];
  if (attrs.specversion !== '1.0') {
    issues.push({
      path: `${prefix}/specversion`,
      message: attrs.specversion === undefined ? 'required' : 'must be "1.0"',
    });
  }
  for (const name of ['id', 'source', 'type'] as const) {
    const value = attrs[name];
    if (value === undefined) issues.push({ path: `${prefix}/${name}`, message: 'required' });
    else if (typeof value !== 'string' || value === '') {
      issues.push({ path: `${prefix}/${name}`, message: 'must be a non-empty string' });
    }
  }
  const time = attrs.time;
  if (time !== undefined && (typeof time !== 'string' || !isRfc3339(time))) {
    issues.push({ path: `${prefix}/time`, message: 'must be an RFC 3339 date-time' });
  }
  return issues;
}

function attributesOf(attrs: Record<string, unknown>): CloudEventAttributes {
  const optional = (name: string) => (typeof attrs[name] === 'string' ? (attrs[name] as string) : undefined);
  return {
    specversion: '1.0',
    id: attrs.id as string,
    source: attrs.source as string,
    type: attrs.type as string,
    ...(optional('time') ? { time: optional('time') } : {}),
    ...(optional('subject') ? { subject: optional('subject') } : {}),
    ...(optional('datacontenttype') ? { datacontenttype: optional('datacontenttype') } : {}),
  };
}

/** One structured-mode CloudEvent (JSON event format); `data_base64` is decoded as JSON. */
function fromStructured(value: unknown, index: number, prefix: string): ParsedEvent {
  if (!isObject(value))
    return { index, issues: [{ path: prefix || '/', message: 'expected a CloudEvent object' }] };
  const issues = attributeIssues(value, prefix);
  let data = value.data;
  if (data === undefined && typeof value.data_base64 === 'string') {
    const decoded = parseJson(Buffer.from(value.data_base64, 'base64').toString('utf8'));
    if ('issue' in decoded) issues.push({ path: `${prefix}/data_base64`, message: decoded.issue.message });
    else data = decoded.value;
  }
  if (data === undefined) issues.push({ path: `${prefix}/data`, message: 'required: the CDEvent' });
  if (issues.length > 0) return { index, issues };
  return { index, event: { cloudEvent: attributesOf(value), cdevent: data } };
}

/** A JSON object is a structured CloudEvent when it carries `specversion` and no CDEvent `context`. */
function looksLikeCloudEvent(value: unknown): boolean {
  return isObject(value) && 'specversion' in value && !('context' in value);
}

function fromBinary(req: CloudEventsRequest): ParsedEvent[] {
  const attrs: Record<string, unknown> = {};
  for (const name of ['specversion', 'id', 'source', 'type', 'time', 'subject']) {
    const value = header(req.headers, `ce-${name}`);
    if (value !== undefined) attrs[name] = value;
  }
  const issues = attributeIssues(attrs, '').map((i) => ({ ...i, path: `ce-${i.path.slice(1)}` }));
  const type = mediaType(req.contentType);
  if (type !== 'application/json' && !type.endsWith('+json')) {
    issues.push({ path: 'content-type', message: `binary mode needs a JSON body, got ${type || 'none'}` });
  }
  const parsed = parseJson(req.body);
  if ('issue' in parsed) issues.push(parsed.issue);
  if (issues.length > 0 || 'issue' in parsed) return [{ index: 0, issues }];
  return [
    {
      index: 0,
      event: { cloudEvent: { ...attributesOf(attrs), datacontenttype: type }, cdevent: parsed.value },
    },
  ];
}

/**
 * Splits a CDEvents HTTP request into events: CloudEvents structured, batched or binary mode, or
 * bare CDEvents (one or an array) posted as application/json. Attribute problems are reported per
 * event with JSON-pointer paths (`/0/id` in a batch); the CDEvent itself is checked later.
 */
export function parseCloudEventsRequest(req: CloudEventsRequest): ParsedEvent[] {
  if (header(req.headers, 'ce-specversion') !== undefined) return fromBinary(req);
  const type = mediaType(req.contentType);
  const accepted = ['application/cloudevents+json', 'application/cloudevents-batch+json', 'application/json'];
  if (!accepted.includes(type)) {
    return [
      { index: 0, issues: [{ path: 'content-type', message: `unsupported content type ${type || 'none'}` }] },
    ];
  }
  const parsed = parseJson(req.body);
  if ('issue' in parsed) return [{ index: 0, issues: [parsed.issue] }];
  const body = parsed.value;

  if (type === 'application/cloudevents+json') return [fromStructured(body, 0, '')];
  if (type === 'application/cloudevents-batch+json') {
    if (!Array.isArray(body))
      return [{ index: 0, issues: [{ path: '/', message: 'expected a JSON array' }] }];
    return body.map((item, index) => fromStructured(item, index, `/${index}`));
  }
  // application/json: bare CDEvents, tolerating structured CloudEvents sent with the plain type.
  const items = Array.isArray(body) ? body : [body];
  return items.map((item, index) => {
    const prefix = Array.isArray(body) ? `/${index}` : '';
    if (looksLikeCloudEvent(item)) return fromStructured(item, index, prefix);
    if (!isObject(item))
      return { index, issues: [{ path: prefix || '/', message: 'expected a CDEvent object' }] };
    return { index, event: { cdevent: item } };
  });
}
