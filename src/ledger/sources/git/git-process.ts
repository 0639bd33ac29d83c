/** Runs the git CLI without a shell and streams its output line by line. */
import { type ChildProcess, spawn } from 'node:child_process';

/** Field separator in our --format strings: it cannot occur in shas, dates, e-mails or ref names. */
export const FS = '\x1f';

/** Variables that would point git at another repository than the one we name. */
const repoLocationVars = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
];

export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', ...extra };
  for (const name of repoLocationVars) delete env[name];
  return env;
}

export function spawnGit(
  cwd: string,
  args: readonly string[],
  stdin: 'ignore' | 'pipe' = 'ignore',
): ChildProcess {
  return spawn('git', args, { cwd, env: gitEnv(), stdio: [stdin, 'pipe', 'pipe'] });
}

/** Resolves with the exit code and the first stderr line; a missing git binary becomes a one-line Error. */
export function completion(child: ChildProcess): Promise<{ code: number | null; reason: string }> {
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    if (stderr.length < 8192) stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new Error('git is not installed or not on PATH') : err),
    );
    child.on('close', (code) => {
      const reason = stderr.split('\n').find((l) => l.trim() !== '') ?? `exit code ${code}`;
      resolve({ code, reason: reason.trim() });
    });
  });
}

/** Streams stdout lines (without the newline); throws `git <command>: <first stderr line>` on failure. */
export async function* gitLines(cwd: string, args: readonly string[]): AsyncGenerator<string> {
  const child = spawnGit(cwd, args);
  const done = completion(child);
  done.catch(() => {}); // observed below; keeps an early failure from being reported as unhandled
  let finished = false;
  try {
    child.stdout!.setEncoding('utf8');
    let rest = '';
    for await (const chunk of child.stdout! as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      for (const line of lines) yield line;
    }
    if (rest !== '') yield rest;
    const { code, reason } = await done;
    if (code !== 0) throw new Error(`git ${args[0]}: ${reason}`);
    finished = true;
  } finally {
    // The consumer stopped early (or we failed): do not leave git writing into a closed pipe.
    if (!finished && child.exitCode === null) child.kill();
  }
}

/** The whole (small) output of one git command, trimmed. */
export async function gitOutput(cwd: string, args: readonly string[]): Promise<string> {
  const lines: string[] = [];
  for await (const line of gitLines(cwd, args)) lines.push(line);
  return lines.join('\n').trim();
}
