/**
 * Reading a large repository with the git-history source, against `git log` alone as the baseline
 * measured in the same run. Run: `npx tsx bench/git-import.ts [commits]` (default 100000).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRepository } from '../src/ledger/sources/git/fast-import.js';
import { gitLines } from '../src/ledger/sources/git/git-process.js';
import { readGitHistory } from '../src/ledger/sources/git/read-git-history.js';
import { type GitCommitRecord, type GitTagRecord, isoSeconds } from '../src/ledger/sources/git/records.js';

const total = Number(process.argv[2] ?? 100_000);
const start = Date.parse('2015-01-01T00:00:00Z');

/** A main line with a 3-commit feature branch merged every 20 commits, ten authors, a release tag every 200. */
function generate(): { commits: GitCommitRecord[]; tags: GitTagRecord[] } {
  const commits: GitCommitRecord[] = [];
  const tags: GitTagRecord[] = [];
  let main: string | undefined;
  let side: string | undefined;
  for (let i = 0; i < total; i++) {
    const sha = `c${i}`;
    const time = isoSeconds(start + i * 600_000);
    const onSide = i % 20 >= 16 && i % 20 < 19 && main !== undefined;
    let parents: string[];
    if (onSide) parents = [side ?? main!];
    else if (i % 20 === 19 && side !== undefined) parents = [main!, side];
    else parents = main === undefined ? [] : [main];
    commits.push({
      sha,
      parents,
      author_time: time,
      commit_time: time,
      author_email_hash: `author${i % 10}`,
    });
    if (onSide) side = sha;
    else {
      main = sha;
      side = undefined;
      if (i % 200 === 0) {
        const n = i / 200;
        const annotated = n % 3 === 0;
        tags.push({
          tag: `v${Math.floor(n / 100)}.${n % 100}.0`,
          sha,
          tag_time: time,
          tag_time_source: annotated ? 'tagger' : 'committer',
          annotated,
          prerelease: false,
        });
      }
    }
  }
  return { commits, tags };
}

async function timed<T>(what: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const result = await what();
  return [result, performance.now() - t];
}

const dir = await mkdtemp(join(tmpdir(), 'git-import-bench-'));
try {
  const { commits, tags } = generate();
  const [, writeMs] = await timed(() => writeRepository({ dir, commits, tags }));
  console.log(
    `generated ${total} commits, ${tags.length} tags with git fast-import in ${(writeMs / 1000).toFixed(1)} s`,
  );

  const [lines, gitMs] = await timed(async () => {
    let n = 0;
    const format = '--format=%H%x1f%P%x1f%at%x1f%ct%x1f%ae%x1f%s';
    for await (const _ of gitLines(dir, ['log', '--topo-order', format, '--all'])) n++;
    return n;
  });
  const [counts, readMs] = await timed(async () => {
    let events = 0;
    let facts = 0;
    const history = readGitHistory({ path: dir, service: 'bench', deployments: 'tags:v*' });
    for await (const event of history) {
      events++;
      facts += event.facts.length;
    }
    return { events, facts };
  });
  const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en')} commits/s`;
  console.log(`baseline git log (lines only):  ${(gitMs / 1000).toFixed(2)} s  ${rate(lines, gitMs)}`);
  console.log(
    `readGitHistory (${counts.events} events):  ${(readMs / 1000).toFixed(2)} s  ${rate(total, readMs)}`,
  );
  console.log(`ratio readGitHistory / git log: ${(readMs / gitMs).toFixed(2)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
