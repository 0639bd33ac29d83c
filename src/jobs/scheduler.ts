import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Store } from '../store/database.js';
import { releaseLease, tryAcquireLease } from './leases.js';

export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * Runs periodic tasks in whichever process holds each task's lease; the others skip. When the
 * holder dies, its lease expires and another process takes over at its next tick.
 */
export class Scheduler {
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #running = new Set<Promise<unknown>>();

  constructor(
    private readonly opts: { store: Store; clock: Clock; log: Logger; holder: string; tasks: PeriodicTask[] },
  ) {}

  start(): void {
    for (const task of this.opts.tasks) {
      const tick = () => {
        const p = this.#tick(task).finally(() => this.#running.delete(p));
        this.#running.add(p);
      };
      this.#timers.push(setInterval(tick, task.everyMs).unref());
      tick();
    }
  }

  async #tick(task: PeriodicTask): Promise<void> {
    try {
      const mine = await tryAcquireLease({
        store: this.opts.store,
        clock: this.opts.clock,
        name: task.name,
        holder: this.opts.holder,
        ttlMs: task.everyMs * 3,
      });
      if (mine) await task.run();
    } catch (err) {
      this.opts.log.warn({ err, task: task.name }, 'background task failed');
    }
  }

  async stop(): Promise<void> {
    for (const t of this.#timers) clearInterval(t);
    await Promise.allSettled([...this.#running]);
    await Promise.allSettled(
      this.opts.tasks.map((t) =>
        releaseLease({ store: this.opts.store, name: t.name, holder: this.opts.holder }),
      ),
    );
  }
}
