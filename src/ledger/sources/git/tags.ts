/** Release tags as `git for-each-ref` lists them, turned into records. */
import { FS, gitLines, gitOutput } from './git-process.js';
import { type GitTagRecord, isoSeconds, isPrerelease } from './records.js';

export interface ReadTagsOptions {
  /** Globs under refs/tags, matched by git. */
  globs: string[];
  includePrereleases: boolean;
  /** Keep only tags whose commit this revision reaches. */
  reachableFrom: string | undefined;
}

/** Peeled to their commit, timed by the tagger date (annotated) or the committer date (lightweight). */
export async function* readTags(cwd: string, options: ReadTagsOptions): AsyncGenerator<GitTagRecord> {
  const format = [
    '%(objectname)',
    '%(objecttype)',
    '%(*objectname)',
    '%(*objecttype)',
    '%(refname:strip=2)',
    '%(taggerdate:iso-strict)',
    '%(committerdate:iso-strict)',
    '%(*committerdate:iso-strict)',
  ].join('%1f');
  const args = ['for-each-ref', '--sort=creatordate', `--format=${format}`];
  if (options.reachableFrom !== undefined) args.push(`--merged=${options.reachableFrom}`);
  args.push(...options.globs.map((g) => `refs/tags/${g}`));
  for await (const line of gitLines(cwd, args)) {
    const [object = '', type, peeled = '', peeledType, tag = '', taggerDate, committerDate, peeledDate] =
      line.split(FS);
    const prerelease = isPrerelease(tag);
    if (prerelease && !options.includePrereleases) continue;
    const annotated = type === 'tag';
    let sha = object;
    let time = annotated ? taggerDate || peeledDate : committerDate;
    if (annotated && peeledType !== 'commit') {
      // A tag of a tag (this git peels one level) or of a tree/blob, which is no release.
      const resolved = await gitOutput(cwd, ['rev-parse', '--verify', '--quiet', `${peeled}^{commit}`]).catch(
        () => '',
      );
      if (resolved === '') continue;
      sha = resolved;
      time ||= await gitOutput(cwd, ['show', '-s', '--no-show-signature', '--format=%cI', sha]);
    } else if (annotated) sha = peeled;
    else if (type !== 'commit') continue;
    if (!time) continue;
    yield {
      tag,
      sha,
      tag_time: isoSeconds(Date.parse(time)),
      tag_time_source: annotated && taggerDate ? 'tagger' : 'committer',
      annotated,
      prerelease,
      ...(options.reachableFrom === undefined ? {} : { reachable_from_head: true }),
    };
  }
}
