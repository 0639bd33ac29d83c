import { InputError } from '../core/errors.js';
import { addDays, localDay } from './zoned.js';

/** A window of local days: `last=7|30|90|180` (days ending today) or `from`/`to` dates, inclusive. */
export interface DayWindow {
  fromDay: string;
  toDay: string;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function resolveWindow(
  q: { last?: number; from?: string; to?: string },
  ctx: { now: number; timeZone: string },
): DayWindow {
  const today = localDay(ctx.now, ctx.timeZone);
  if (q.from || q.to) {
    const toDay = q.to ?? today;
    const fromDay = q.from ?? addDays(toDay, -29);
    for (const [k, v] of [
      ['from', fromDay],
      ['to', toDay],
    ] as const) {
      if (!datePattern.test(v) || Number.isNaN(Date.parse(v))) {
        throw new InputError('invalid date', [{ path: `/${k}`, message: 'a date, YYYY-MM-DD' }]);
      }
    }
    if (fromDay > toDay) throw new InputError('empty window', [{ path: '/from', message: 'after `to`' }]);
    if (Date.parse(toDay) - Date.parse(fromDay) > 3 * 366 * 86_400_000) {
      throw new InputError('window too long', [{ path: '/from', message: 'at most three years' }]);
    }
    return { fromDay, toDay };
  }
  const last = q.last ?? 30;
  return { fromDay: addDays(today, -(last - 1)), toDay: today };
}
