import type { FieldIssue } from '../core/errors.js';
import { zodIssues } from '../http/problem.js';
import { gitEventSource, nativeDataSchema, nativeEventType } from './fact-schema.js';
import type { Fact, MappedEvent } from './facts.js';
import {
  type CloudEventsRequest,
  type InboundCdevent,
  parseCloudEventsRequest,
} from './sources/cdevents/cloudevents.js';
import { mapCdevent } from './sources/cdevents/map.js';
import { validateCdevent } from './sources/cdevents/validate.js';

export interface DecodedEvent {
  index: number;
  mapped?: MappedEvent;
  issues?: FieldIssue[];
}

export const ndjsonType = 'application/x-ndjson';

/**
 * Turns an events request into mapped events, one result per event: CloudEvents in structured,
 * batched or binary mode, bare CDEvents, or NDJSON with one of those per line. Invalid events carry
 * their issues with paths that start at the event's index; valid ones are ready for the ledger.
 */
export function decodeEvents(req: CloudEventsRequest, receivedAt: number): DecodedEvent[] {
  const type = (req.contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type === ndjsonType) {
    const out: DecodedEvent[] = [];
    let index = 0;
    for (const line of req.body.split('\n')) {
      if (line.trim() === '') continue;
      // One event per line: an array would be read as a batch of which only the first event counted.
      const [parsed] = line.trimStart().startsWith('[')
        ? [{ index, issues: [{ path: '/', message: 'expected one event per line, not an array' }] }]
        : parseCloudEventsRequest({ contentType: 'application/json', headers: {}, body: line });
      const decoded = toDecoded({ ...parsed!, index }, `/${index}`, receivedAt);
      if (decoded.mapped) decoded.mapped.rawText = line;
      out.push(decoded);
      index++;
    }
    return out;
  }
  const parsed = parseCloudEventsRequest(req);
  const batch =
    parsed.length > 1 ||
    type === 'application/cloudevents-batch+json' ||
    req.body.trimStart().startsWith('[');
  return parsed.map((p) => toDecoded(p, batch ? `/${p.index}` : '', receivedAt));
}

function toDecoded(
  p: { index: number; event?: InboundCdevent; issues?: FieldIssue[] },
  prefix: string,
  receivedAt: number,
): DecodedEvent {
  if (p.issues?.length || !p.event) {
    return {
      index: p.index,
      issues: (p.issues ?? []).map((i) => ({ ...i, path: withPrefix(prefix, i.path) })),
    };
  }
  const { cloudEvent, cdevent } = p.event;
  if (cloudEvent?.type === nativeEventType) {
    const data = nativeDataSchema.safeParse(cdevent);
    if (!data.success) {
      return {
        index: p.index,
        issues: zodIssues(data.error).map((i) => ({ ...i, path: withPrefix(`${prefix}/data`, i.path) })),
      };
    }
    return {
      index: p.index,
      mapped: {
        source: cloudEvent.source === gitEventSource ? 'git' : 'api',
        eventId: `${cloudEvent.source}#${cloudEvent.id}`,
        type: cloudEvent.type,
        occurredAt: cloudEvent.time ? Date.parse(cloudEvent.time) : receivedAt,
        facts: data.data.facts as Fact[],
        raw: { ...cloudEvent, data: cdevent },
      },
    };
  }
  const verdict = validateCdevent(cdevent);
  const dataPrefix = cloudEvent ? `${prefix}/data` : prefix;
  if (!verdict.ok) {
    return {
      index: p.index,
      issues: verdict.issues.map((i) => ({ ...i, path: withPrefix(dataPrefix, i.path) })),
    };
  }
  const mapped = mapCdevent(cdevent as Parameters<typeof mapCdevent>[0], { receivedAt });
  return {
    index: p.index,
    mapped: cloudEvent ? { ...mapped, raw: { ...cloudEvent, data: cdevent } } : mapped,
  };
}

function withPrefix(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path.startsWith('/')) return `${prefix}:${path}`;
  return path === '/' ? prefix : `${prefix}${path}`;
}
