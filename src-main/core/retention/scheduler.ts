// The retention run: at unlock, then daily while the app is open, and on demand; never while
// locked (it needs an open register). Policies in automatic mode delete what is due and not held;
// the rest waits on the review page.
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import { finnishDate } from '../clock';
import type { UnlockedRegister } from '../register';
import { readSettings } from '../settings';
import { dueForDeletion } from './due';
import { erasePersons } from './erase';

const LAST_RUN_KEY = 'retentionLastRunOn';

export interface RetentionRun {
  ranOn: string;
  due: number;
  held: number;
  awaitingReview: number;
  deletedAutomatically: number;
}

export function runRetention(register: UnlockedRegister): RetentionRun {
  const today = finnishDate(register.deps.clock.now());
  const retentionSettings = readSettings(register);
  const due = dueForDeletion(register.db, today, retentionSettings);
  const automatic = due.filter((d) => d.automatic && d.holds.length === 0);
  let deleted = 0;
  for (const action of ['delete', 'anonymise'] as const) {
    for (const rule of new Set(automatic.filter((d) => d.action === action).map((d) => d.rule))) {
      const ids = automatic.filter((d) => d.action === action && d.rule === rule).map((d) => d.personId);
      deleted += erasePersons(register, { personIds: ids, reason: rule, action, byScheduler: true }, retentionSettings)
        .erased.length;
    }
  }
  const now = register.deps.clock.now().toISOString();
  const run: RetentionRun = {
    ranOn: today,
    due: due.length,
    held: due.filter((d) => d.holds.length > 0).length,
    awaitingReview: due.filter((d) => !d.automatic && d.holds.length === 0).length,
    deletedAutomatically: deleted,
  };
  register.transaction((db) => {
    db.insert(settings)
      .values({ key: LAST_RUN_KEY, value: JSON.stringify(today), updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(today), updatedAt: now } })
      .run();
    register.audit({ action: 'retention.run', details: { ...run } });
  });
  return run;
}

/** Runs once per calendar day; returns null when today's run has been done. */
export function runRetentionIfDue(register: UnlockedRegister): RetentionRun | null {
  const row = register.db.select().from(settings).where(eq(settings.key, LAST_RUN_KEY)).get();
  const today = finnishDate(register.deps.clock.now());
  if (row && (JSON.parse(row.value) as string) >= today) return null;
  return runRetention(register);
}
