// The retention run: at unlock, then daily while the app is open, and on demand; never while
// locked (it needs an open register). Policies in automatic mode delete what is due and not held;
// the rest waits on the review page. Bookkeeping rows past their period are purged every run.
import { eq } from 'drizzle-orm';
import { purgeBookkeepingRows } from '../../db/bookkeeping-rows';
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
  /** Bookkeeping rows whose period had ended, deleted. */
  bookkeepingPurged: number;
}

export function runRetention(register: UnlockedRegister): RetentionRun {
  const today = finnishDate(register.deps.clock.now());
  const retentionSettings = readSettings(register);
  const due = dueForDeletion(register.db, today);
  const automatic = due.filter((d) => d.automatic && d.holds.length === 0);
  let deleted = 0;
  // One erasure per policy: its rule is the tombstone's reason, its action what happens.
  for (const key of new Set(automatic.map((d) => d.policyKey))) {
    const group = automatic.filter((d) => d.policyKey === key);
    const { rule, action } = group[0]!;
    const ids = group.map((d) => d.personId);
    deleted += erasePersons(register, { personIds: ids, reason: rule, action, byScheduler: true }, retentionSettings)
      .erased.length;
  }
  const purged = purgeEndedBookkeeping(register, today);
  const now = register.deps.clock.now().toISOString();
  const run: RetentionRun = {
    ranOn: today,
    due: due.length,
    held: due.filter((d) => d.holds.length > 0).length,
    awaitingReview: due.filter((d) => !d.automatic && d.holds.length === 0).length,
    deletedAutomatically: deleted,
    bookkeepingPurged: purged,
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

/** Bookkeeping rows past their period go, whatever the policies say: the law's reason has ended. */
function purgeEndedBookkeeping(register: UnlockedRegister, today: string): number {
  const purged = register.transaction((db) => {
    const result = purgeBookkeepingRows(db, today);
    if (result.rows > 0) {
      register.audit({ action: 'retention.bookkeeping_purged', details: { ...result, today } });
    }
    return result.rows;
  });
  // secure_delete zeroed the rows' pages; emptying the WAL leaves no old copy there either.
  if (purged > 0) register.truncateWal();
  return purged;
}

/** Runs once per calendar day; returns null when today's run has been done. */
export function runRetentionIfDue(register: UnlockedRegister): RetentionRun | null {
  const row = register.db.select().from(settings).where(eq(settings.key, LAST_RUN_KEY)).get();
  const today = finnishDate(register.deps.clock.now());
  if (row && (JSON.parse(row.value) as string) >= today) return null;
  return runRetention(register);
}
