/** A one-line progress report on stderr: done, total (when known), rate and time left. */
export class Progress {
  readonly #start = performance.now();
  #last = 0;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly everyMs = 500,
  ) {}

  /** `fraction` in [0, 1] of the whole job, when known (e.g. bytes read of a file), drives the ETA. */
  update(done: number, opts: { fraction?: number; detail?: string; force?: boolean } = {}): void {
    const now = performance.now();
    if (!opts.force && now - this.#last < this.everyMs) return;
    this.#last = now;
    const seconds = (now - this.#start) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const parts = [`${this.label}: ${done.toLocaleString('en-US')}`];
    if (opts.fraction !== undefined) parts.push(`(${Math.floor(opts.fraction * 100)}%)`);
    parts.push(`· ${Math.round(rate).toLocaleString('en-US')}/s`);
    if (opts.fraction && opts.fraction > 0 && opts.fraction < 1) {
      parts.push(`· ETA ${formatSeconds((seconds / opts.fraction) * (1 - opts.fraction))}`);
    }
    if (opts.detail) parts.push(`· ${opts.detail}`);
    const line = parts.join(' ');
    if (this.stream.isTTY) this.stream.write(`\r${line}\u001b[K`);
    else this.stream.write(`${line}\n`);
  }

  done(total: number, detail?: string): void {
    this.update(total, { fraction: 1, force: true, ...(detail ? { detail } : {}) });
    if (this.stream.isTTY) this.stream.write('\n');
  }
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
