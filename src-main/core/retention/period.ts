// A retention period (months or years) and the date arithmetic the sweep does in SQLite, repeated
// in JS for predictions, so both overflow the same way (08-31 + 6 months = 03-03, not 02-28).
import type { PeriodUnit } from '../../../src-shared/vocabulary';

export interface RetentionPeriod {
  amount: number;
  unit: PeriodUnit;
}

/** Bounds of a period: a rule shorter than a month or longer than a century is a typo. */
export const PERIOD_LIMITS: Record<PeriodUnit, number> = { months: 1200, years: 100 };

/** SQLite's date() modifier for the period ('+6 months'). */
export function periodModifier(period: RetentionPeriod): string {
  return `+${Math.trunc(period.amount)} ${period.unit}`;
}

/**
 * YYYY-MM-DD plus a period, as SQLite's date(x, '+N months') computes it: the month moves, the
 * day stays, and a day past the month's end rolls over into the next (as Date.UTC does).
 */
export function addPeriod(isoDate: string, period: RetentionPeriod): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const months = period.unit === 'years' ? period.amount * 12 : period.amount;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1 + months, day);
  return date.toISOString().slice(0, 10);
}
