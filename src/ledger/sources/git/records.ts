/**
 * The raw records the git source works from. Their shape is the corpus export's NDJSON line
 * (../shared/corpus/git-history, "Format of git-history/*"), so a live repository and an exported
 * history map through the same functions and are stored raw in the same form.
 */
import { createHash } from 'node:crypto';

export interface GitCommitRecord {
  sha: string;
  /** First parent first, as git stores them. */
  parents: string[];
  /** ISO 8601 UTC, seconds precision. */
  author_time: string;
  commit_time: string;
  /** First 16 hex chars of sha256 of the lower-cased author e-mail; never the e-mail itself. */
  author_email_hash: string;
  /** First line of the message; absent in the corpus export. */
  subject?: string;
}

export interface GitTagRecord {
  tag: string;
  /** The peeled commit. */
  sha: string;
  /** Tagger date for annotated tags, the commit's committer date for lightweight ones. */
  tag_time: string;
  tag_time_source: 'tagger' | 'committer';
  annotated: boolean;
  prerelease: boolean;
  /** Whether a chosen branch reaches the tag; absent when nobody asked. */
  reachable_from_head?: boolean;
}

/** The identity the corpus uses: first 16 hex chars of sha256 of the lower-cased e-mail. */
export function hashEmail(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16);
}

/** Epoch milliseconds → the corpus spelling (`2026-08-20T14:10:49Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A semver pre-release part (`v1.2.3-rc.1`, `4.0.0-alpha`) anywhere in the tag, so a prefixed or
 * malformed release tag (hono's `vv3.5.0-rc.1`) still counts; build metadata (`+build-5`) does not.
 */
export function isPrerelease(tag: string): boolean {
  return /\d+\.\d+\.\d+-[0-9A-Za-z]/.test(tag);
}

/**
 * A ref glob as `git for-each-ref` matches it (wildmatch without WM_PATHNAME: `*` also matches
 * `/`, `?` one character, `[...]` a class). Used where git is not at hand, i.e. for corpus files.
 */
export function globMatcher(glob: string): (name: string) => boolean {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) source += '\\[';
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  const re = new RegExp(`^${source}$`);
  return (name) => re.test(name);
}
