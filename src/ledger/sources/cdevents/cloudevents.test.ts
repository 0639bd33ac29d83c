import { describe, expect, it } from 'vitest';
import { parseCloudEventsRequest } from './cloudevents.js';

const cdevent = {
  context: {
    specversion: '0.5.1',
    id: 'ctx-1',
    source: '/ci',
    type: 'dev.cdevents.build.started.0.3.0',
    timestamp: '2024-05-01T10:00:00Z',
  },
  subject: { id: 'build-1', content: {} },
};
const ce = (extra: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id: 'ce-1',
  source: '/ci',
  type: 'dev.cdevents.build.started.0.3.0',
  data: cdevent,
  ...extra,
});

describe('parseCloudEventsRequest', () => {
  it('reads structured mode', () => {
    const out = parseCloudEventsRequest({
      contentType: 'application/cloudevents+json; charset=utf-8',
      headers: {},
      body: JSON.stringify(ce({ time: '2024-05-01T10:00:01Z' })),
    });
    expect(out).toEqual([
      {
        index: 0,
        event: {
          cloudEvent: {
            specversion: '1.0',
            id: 'ce-1',
            source: '/ci',
            type: 'dev.cdevents.build.started.0.3.0',
            time: '2024-05-01T10:00:01Z',
          },
          cdevent,
        },
      },
    ]);
  });

  it('decodes data_base64', () => {
    const { data: _data, ...rest } = ce();
    const body = JSON.stringify({
      ...rest,
      data_base64: Buffer.from(JSON.stringify(cdevent)).toString('base64'),
    });
    const [first] = parseCloudEventsRequest({
      contentType: 'application/cloudevents+json',
      headers: {},
      body,
    });
    expect(first?.event?.cdevent).toEqual(cdevent);
  });

  it('reads a batch, accepting some events and rejecting others with paths', () => {
    const { id: _id, ...noId } = ce();
    const out = parseCloudEventsRequest({
      contentType: 'application/cloudevents-batch+json',
      headers: {},
      body: JSON.stringify([ce(), noId, ce({ specversion: '0.3', time: 'noon' }), 'x']),
    });
    expect(out.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(out[0]?.event?.cdevent).toEqual(cdevent);
    expect(out[1]).toEqual({ index: 1, issues: [{ path: '/1/id', message: 'required' }] });
    expect(out[2]).toEqual({
      index: 2,
      issues: [
        { path: '/2/specversion', message: 'must be "1.0"' },
        { path: '/2/time', message: 'must be an RFC 3339 date-time' },
      ],
    });
    expect(out[3]).toEqual({ index: 3, issues: [{ path: '/3', message: 'expected a CloudEvent object' }] });
  });

  it('reads binary mode from ce-* headers, whatever their case', () => {
    const out = parseCloudEventsRequest({
      contentType: 'application/json',
      headers: {
        'Ce-Specversion': '1.0',
        'ce-id': 'b-1',
        'ce-source': '/ci',
        'ce-type': 'dev.cdevents.build.started.0.3.0',
      },
      body: JSON.stringify(cdevent),
    });
    expect(out).toEqual([
      {
        index: 0,
        event: {
          cloudEvent: {
            specversion: '1.0',
            id: 'b-1',
            source: '/ci',
            type: 'dev.cdevents.build.started.0.3.0',
            datacontenttype: 'application/json',
          },
          cdevent,
        },
      },
    ]);
  });

  it('names the missing binary-mode headers', () => {
    const out = parseCloudEventsRequest({
      contentType: 'application/json',
      headers: { 'ce-specversion': '1.0', 'ce-time': 'later' },
      body: JSON.stringify(cdevent),
    });
    expect(out[0]?.issues?.map((i) => i.path)).toEqual(['ce-id', 'ce-source', 'ce-type', 'ce-time']);
  });

  it('takes a bare CDEvent, or an array of them, as application/json', () => {
    expect(
      parseCloudEventsRequest({
        contentType: 'application/json',
        headers: {},
        body: JSON.stringify(cdevent),
      }),
    ).toEqual([{ index: 0, event: { cdevent } }]);
    const out = parseCloudEventsRequest({
      contentType: 'application/json',
      headers: {},
      body: JSON.stringify([cdevent, 3]),
    });
    expect(out).toEqual([
      { index: 0, event: { cdevent } },
      { index: 1, issues: [{ path: '/1', message: 'expected a CDEvent object' }] },
    ]);
  });

  it('rejects broken JSON and unknown content types as a whole', () => {
    expect(
      parseCloudEventsRequest({ contentType: 'application/json', headers: {}, body: '{' }),
    ).toMatchObject([{ index: 0, issues: [{ path: '/' }] }]);
    expect(parseCloudEventsRequest({ contentType: 'text/plain', headers: {}, body: '{}' })).toEqual([
      { index: 0, issues: [{ path: 'content-type', message: 'unsupported content type text/plain' }] },
    ]);
  });
});
