// `--now YYYY-MM-DD`: runs a command as if it were that day, at noon in Finland, so scripts and
// tests can travel in time. Everything the register does in that run uses the same clock.
import { ManualClock } from '../core/clock';
import { fields } from '../ipc/contract';
import { validateOptions } from './command';
import type { CliContext } from './context';

/** 12:00 in Europe/Helsinki on that calendar day (UTC+2 in winter, UTC+3 in summer). */
export function noonInFinland(date: string): Date {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const atUtcPlusTwo = new Date(Date.UTC(year, month - 1, day, 10));
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: 'numeric', hourCycle: 'h23' })
    .formatToParts(atUtcPlusTwo)
    .find((part) => part.type === 'hour')?.value;
  // Clocks change at 03:00 or 04:00, so the offset at noon is the offset at 10:00 UTC.
  return new Date(atUtcPlusTwo.getTime() - (Number(hour) - 12) * 3_600_000);
}

/** The context to run with: unchanged without --now; with it, a clock stopped at that day's noon. */
export function contextAt(now: string | undefined, ctx: CliContext, usage: string): CliContext {
  if (now === undefined) return ctx;
  const date = validateOptions(fields.isoDate, now, { '': '--now' }, ctx, usage);
  return { ...ctx, deps: { ...ctx.deps, clock: new ManualClock(noonInFinland(date)) } };
}
