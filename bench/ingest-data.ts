import { createWriteStream } from 'node:fs';
import { nativeEventType } from '../src/ledger/fact-schema.js';

/**
 * A realistic bulk file: 1,000 repositories' commits (one push event per commit, as a history
 * import sends them), a deployment every 20 commits (started and finished), and a CDEvents
 * pipeline run every 50 events. Deterministic.
 */
export async function writeIngestFile(path: string, total: number): Promise<number> {
  const out = createWriteStream(path);
  const heads = new Map<number, string>();
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  let bytes = 0;
  const write = (o: unknown) => {
    const line = `${JSON.stringify(o)}\n`;
    bytes += line.length;
    return out.write(line) ? undefined : new Promise<void>((r) => out.once('drain', () => r()));
  };
  for (let i = 0; i < total; i++) {
    const repoN = i % 1000;
    const repo = `https://github.com/bench/svc-${repoN}`;
    const time = new Date(t0 + i * 30_000).toISOString();
    let event: unknown;
    if (i % 50 === 49) {
      event = {
        specversion: '1.0',
        id: `pr-${i}`,
        source: '/ci',
        type: 'dev.cdevents.pipelinerun.finished.0.3.0',
        time,
        data: {
          context: {
            specversion: '0.5.1',
            id: `pr-${i}`,
            source: '/ci',
            type: 'dev.cdevents.pipelinerun.finished.0.3.0',
            timestamp: time,
          },
          subject: {
            id: `run-${i}`,
            source: '/ci',
            content: { pipelineName: 'build', uri: `https://ci.example/${i}`, outcome: 'success' },
          },
        },
      };
    } else if (i % 20 === 19 && heads.has(repoN)) {
      event = {
        specversion: '1.0',
        id: `deploy-${i}`,
        source: '/cd',
        type: nativeEventType,
        time,
        data: {
          facts: [
            {
              kind: 'deployment',
              id: `d-${repoN}-${i}`,
              service: `svc-${repoN}`,
              repo,
              environment: 'production',
              sha: heads.get(repoN),
              status: 'success',
              startedAt: time,
              finishedAt: time,
            },
          ],
        },
      };
    } else {
      const sha = (i.toString(16).padStart(8, '0') + 'a'.repeat(32)).slice(0, 40);
      const parent = heads.get(repoN);
      heads.set(repoN, sha);
      event = {
        specversion: '1.0',
        id: `commit-${i}`,
        source: '/git',
        type: nativeEventType,
        time,
        data: {
          facts: [
            {
              kind: 'commit',
              repo,
              sha,
              parents: parent ? [parent] : [],
              authoredAt: time,
              committedAt: time,
              author: `dev${i % 37}`,
              workItems: i % 3 ? [] : [`SVC-${i % 997}`],
            },
          ],
        },
      };
    }
    const wait = write(event);
    if (wait) await wait;
  }
  await new Promise<void>((r) => out.end(() => r()));
  return bytes;
}
