// The answer deadline: one month from receipt, extendable by two further months (GDPR Art. 12(3)).
// A month ends on the same day number of the following month, or on its last day when that month
// is shorter (the EU rule for periods in months, Regulation 1182/71 Art. 3), so 31 Jan → 28/29 Feb.
import type { Urgency } from './types';

const DAY_MS = 86_400_000;

export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export const dueDateFor = (receivedOn: string) => addMonths(receivedOn, 1);
/** The latest an extended deadline may be: two months after the first one. */
export const latestExtensionFor = (receivedOn: string) => addMonths(receivedOn, 3);

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Overdue after the deadline day; "due soon" when 7 days or fewer are left. */
export function urgencyOf(open: boolean, deadline: string, today: string): Urgency {
  if (!open) return 'closed';
  const left = daysBetween(today, deadline);
  if (left < 0) return 'overdue';
  return left <= 7 ? 'due_soon' : 'ok';
}
