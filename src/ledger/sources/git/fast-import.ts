/**
 * Writes a commit graph into a new git repository with one `git fast-import` process: empty trees,
 * the given parents and author/committer times, lightweight or annotated tags. Commit shas depend on
 * content, so they differ from the records' shas; the returned map links the two (fast-import marks).
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { completion, gitEnv, spawnGit } from './git-process.js';
import type { GitCommitRecord, GitTagRecord } from './records.js';

const run = promisify(execFile);

export interface WriteRepositoryOptions {
  dir: string;
  /** Parents before children. Identities are synthetic: `<author_email_hash>@corpus.invalid`. */
  commits: Iterable<GitCommitRecord>;
  tags?: Iterable<GitTagRecord>;
  /** The branch created at `head`; default `main`. */
  branch?: string;
  /** The record sha the branch points at; default the last commit. */
  head?: string;
  /**
   * A tag whose commit is not among the records: skip it (default) or give it a parentless stand-in
   * commit timed at the tag, so that the tag exists and is unreachable from the branch.
   */
  unknownTags?: 'skip' | 'orphan';
}

export interface WrittenRepository {
  dir: string;
  /** Record sha → sha in the written repository. */
  shas: Map<string, string>;
  /** Record shas that got a stand-in commit (unknownTags: 'orphan'). */
  orphans: string[];
  tagsWritten: number;
  tagsSkipped: string[];
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
const scratch = 'refs/import/scratch';

export async function writeRepository(options: WriteRepositoryOptions): Promise<WrittenRepository> {
  const { dir, branch = 'main' } = options;
  await mkdir(dir, { recursive: true });
  await run('git', ['init', '-q', '-b', branch, dir], { env: gitEnv() });
  const marksFile = join(dir, '.git', 'import-marks');
  const child = spawnGit(dir, ['fast-import', '--quiet', '--done', `--export-marks=${marksFile}`], 'pipe');
  const done = completion(child);
  done.catch(() => {});
  const stdin = child.stdin!;
  stdin.on('error', () => {}); // fast-import died early: its exit code and stderr say why
  const marks = new Map<string, number>();
  const order: string[] = [];
  let chunk = '';
  const write = async (text: string) => {
    chunk += text;
    if (chunk.length < 1 << 16) return;
    const ok = stdin.write(chunk);
    chunk = '';
    if (!ok) await new Promise((r) => stdin.once('drain', r));
  };
  const commit = async (
    sha: string,
    parents: string[],
    authorTime: number,
    commitTime: number,
    who: string,
  ) => {
    order.push(sha);
    marks.set(sha, order.length);
    const [first, ...merges] = parents.map((p) => marks.get(p));
    const id = `${who} <${who}@corpus.invalid>`;
    let text = parents.length === 0 ? `reset ${scratch}\n` : '';
    text += `commit ${scratch}\nmark :${order.length}\nauthor ${id} ${authorTime} +0000\ncommitter ${id} ${commitTime} +0000\ndata 0\n`;
    if (first !== undefined) text += `from :${first}\n`;
    for (const m of merges) if (m !== undefined) text += `merge :${m}\n`;
    await write(`${text}\n`);
  };

  for (const c of options.commits) {
    const missing = c.parents.find((p) => !marks.has(p));
    if (missing) {
      child.kill();
      throw new Error(`commit ${c.sha}: parent ${missing} must come before it`);
    }
    await commit(c.sha, c.parents, seconds(c.author_time), seconds(c.commit_time), c.author_email_hash);
  }
  const head = options.head ?? order.at(-1);
  if (head !== undefined) await write(`reset refs/heads/${branch}\nfrom :${marks.get(head)}\n\n`);

  const orphans: string[] = [];
  const skipped: string[] = [];
  let written = 0;
  const tags = [...(options.tags ?? [])];
  // A stand-in commit's time is a lightweight tag's time when there is one (that tag's time is the commit's).
  const orphanTime = new Map<string, string>();
  for (const t of tags) if (!t.annotated || !orphanTime.has(t.sha)) orphanTime.set(t.sha, t.tag_time);
  for (const t of tags) {
    if (!marks.has(t.sha)) {
      if (options.unknownTags !== 'orphan') {
        skipped.push(t.tag);
        continue;
      }
      orphans.push(t.sha);
      const time = seconds(orphanTime.get(t.sha)!);
      await commit(t.sha, [], time, time, 'orphan');
    }
    const mark = marks.get(t.sha);
    await write(
      t.annotated
        ? `tag ${t.tag}\nfrom :${mark}\ntagger tagger <tagger@corpus.invalid> ${seconds(t.tag_time)} +0000\ndata 0\n\n`
        : `reset refs/tags/${t.tag}\nfrom :${mark}\n\n`,
    );
    written++;
  }
  stdin.end(`${chunk}done\n`);
  const { code, reason } = await done;
  if (code !== 0) throw new Error(`git fast-import: ${reason}`);
  await run('git', ['update-ref', '-d', scratch], { cwd: dir, env: gitEnv() }).catch(() => {});

  const shas = new Map<string, string>();
  for (const line of (await readFile(marksFile, 'utf8')).split('\n')) {
    const m = /^:(\d+) ([0-9a-f]+)$/.exec(line);
    const source = m ? order[Number(m[1]) - 1] : undefined;
    if (m && source !== undefined) shas.set(source, m[2]!);
  }
  await rm(marksFile, { force: true });
  return { dir, shas, orphans, tagsWritten: written, tagsSkipped: skipped };
}
