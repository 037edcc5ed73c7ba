// Deleting (or anonymising) a person so that nothing about them remains: every row about them
// goes in one transaction (ON DELETE CASCADE reaches every table; orders the Accounting Act
// still keeps are unlinked first and stay as bookkeeping rows), the search index entry is
// removed with FTS5 secure-delete, secure_delete zeroes the freed space, and a WAL checkpoint
// (after a large erasure, in a worker once it has returned) leaves no old page in the file or
// WAL. What remains is a tombstone without personal data and an audit entry that names only the
// record id, and the person's random uid in the erasure ledger.
import { asc, eq, sql } from 'drizzle-orm';
import { keepBookkeepingRows, type KeptRows } from '../../db/bookkeeping-rows';
import { DEFAULT_CACHE_KIB, setCacheSize, type RegisterDb, type ReadableDb } from '../../db/open';
import { inValueList } from '../../db/value-list';
import {
  consentEvents,
  contactLog,
  customFieldValues,
  employments,
  interests,
  orders,
  persons,
  relationshipKinds,
} from '../../db/schema-register';
import { anonymisedPersons, retentionHolds, tombstones } from '../../db/schema-retention';
import { ledgerPath, reconcileLedger } from '../backup/ledger';
import { finnishDate } from '../clock';
import { KaappiError } from '../../../src-shared/errors';
import type { UnlockedRegister } from '../register';
import { redactRequestsOf } from '../requests/redact';
import { holdsFor, type HoldReason, type RetentionSettings } from './due';

export interface EraseRequest {
  personIds: number[];
  /** The retention rule that made them due, or 'request' for an erasure request. */
  reason: string;
  action: 'delete' | 'anonymise';
  /** Automatic deletions by the scheduler have no acting user. */
  byScheduler?: boolean;
  /** Re-applying an erasure already decided (restore from backup): holds no longer apply. */
  ignoreHolds?: boolean;
  /** Holds that do not apply to this erasure (an erasure request is not held by itself). */
  ignoreHoldKinds?: ReadonlyArray<HoldReason['kind']>;
  /** More changes that belong in the same transaction (closing the request that asked for it). */
  alsoInTransaction?: (db: RegisterDb, result: EraseResult) => void;
}

export interface EraseResult {
  erased: number[];
  held: Array<{ personId: number; holds: HoldReason[] }>;
  /** Erased persons whose orders stay as unlinked bookkeeping rows, and until when. */
  bookkeeping: KeptRows[];
}

const counted = [
  ['consents', consentEvents],
  ['orders', orders],
  ['contacts', contactLog],
  ['interests', interests],
  ['employments', employments],
  ['customValues', customFieldValues],
  ['holds', retentionHolds],
] as const;

/** Rows about each person, per table, for the tombstones: one grouped query per table and chunk. */
function countRows(db: ReadableDb, personIds: number[]): Map<number, Record<string, number>> {
  const counts = new Map(personIds.map((id) => [id, Object.fromEntries(counted.map(([name]) => [name, 0]))]));
  for (let i = 0; i < personIds.length; i += 500) {
    const ids = sql.join(
      personIds.slice(i, i + 500).map((id) => sql`${id}`),
      sql`, `,
    );
    for (const [name, table] of counted) {
      const rows = db.all<{ personId: number; n: number }>(
        sql`SELECT person_id AS personId, count(*) AS n FROM ${table} WHERE person_id IN (${ids}) GROUP BY person_id`,
      );
      for (const row of rows) counts.get(row.personId)![name] = row.n;
    }
  }
  return counts;
}

/** Keeps what statistics need (decade of birth, postal area, orders' dates and amounts), unlinked. */
function anonymiseOrders(db: RegisterDb, personId: number, today: string): void {
  const person = db
    .select({
      birthDate: persons.birthDate,
      age: persons.age,
      ageRecordedOn: persons.ageRecordedOn,
      postalCode: persons.postalCode,
      kindKey: relationshipKinds.key,
    })
    .from(persons)
    .innerJoin(relationshipKinds, eq(relationshipKinds.id, persons.kindId))
    .where(eq(persons.id, personId))
    .get();
  if (!person) return;
  const birthYear = person.birthDate
    ? Number(person.birthDate.slice(0, 4))
    : person.age !== null && person.ageRecordedOn
      ? Number(person.ageRecordedOn.slice(0, 4)) - person.age
      : null;
  const anonymous = db
    .insert(anonymisedPersons)
    .values({
      birthDecade: birthYear === null ? null : Math.floor(birthYear / 10) * 10,
      postalArea: person.postalCode ? person.postalCode.slice(0, 2) : null,
      kindKey: person.kindKey,
      anonymisedOn: today,
    })
    .returning({ id: anonymisedPersons.id })
    .get();
  db.update(orders).set({ personId: null, anonymousId: anonymous.id }).where(eq(orders.personId, personId)).run();
}

export function erasePersons(
  register: UnlockedRegister,
  request: EraseRequest,
  settings: RetentionSettings,
): EraseResult {
  const now = register.deps.clock.now();
  const today = finnishDate(now);
  const erase = () => eraseInTransaction(register, request, settings, now, today);
  const large = request.personIds.length >= LARGE_ERASURE;
  let result: EraseResult;
  if (!large) result = erase();
  else {
    // A large approval touches index pages all over the file (63,000 pages for 10,000 persons at
    // 1M): with them all in memory until the commit, no page is spilled to the WAL and written
    // again. Copying them into the file, decrypting and encrypting each page, took 3–4 s more in
    // the commit; a worker does it after the approval has returned, and the WAL is emptied then.
    setCacheSize(register.db, LARGE_ERASURE_CACHE_KIB);
    try {
      result = register.checkpointingInBackgroundSync(erase);
    } finally {
      setCacheSize(register.db, DEFAULT_CACHE_KIB);
    }
  }
  if (result.erased.length === 0) return result;
  // Outside the database, so a restore of an older backup erases them again (see backup/).
  reconcileLedger(register.db, ledgerPath(register.files.database));
  // Copy the now-zeroed pages into the file and empty the WAL, so no old page survives there.
  if (large) register.truncateWalAfterCopy();
  else register.truncateWal();
  return result;
}

/** From this many persons on, an erasure's pages are copied into the file in the background. */
export const LARGE_ERASURE = 1000;
const LARGE_ERASURE_CACHE_KIB = 512 * 1024;

function eraseInTransaction(
  register: UnlockedRegister,
  request: EraseRequest,
  settings: RetentionSettings,
  now: Date,
  today: string,
): EraseResult {
  return register.transaction((db) => {
    // In id order: neighbouring rows share pages, so each page is read and rewritten once.
    const existing = db
      .select({ id: persons.id, uid: persons.uid })
      .from(persons)
      .where(inValueList(persons.id, request.personIds))
      .orderBy(asc(persons.id))
      .all();
    if (existing.length !== new Set(request.personIds).size) throw new KaappiError('PERSON_NOT_FOUND');
    const holds = request.ignoreHolds
      ? new Map<number, HoldReason[]>()
      : holdsFor(db, request.personIds, today, settings);
    const erased: number[] = [];
    const held: EraseResult['held'] = [];
    let bookkeeping: KeptRows[] = [];
    const rowCounts = countRows(db, request.personIds);
    // Prepared once for the whole approval (thousands of persons at a time).
    const statements = {
      deletePerson: db
        .delete(persons)
        .where(eq(persons.id, sql.placeholder('id')))
        .prepare(),
      insertTombstone: db
        .insert(tombstones)
        .values({
          personId: sql.placeholder('personId'),
          personUid: sql.placeholder('personUid'),
          action: sql.placeholder('action'),
          at: sql.placeholder('at'),
          reason: sql.placeholder('reason'),
          byUserId: sql.placeholder('byUserId'),
          counts: sql.placeholder('counts'),
        })
        .prepare(),
    };
    const erasable: typeof existing = [];
    for (const person of existing) {
      const personHolds = (holds.get(person.id) ?? []).filter((hold) => !request.ignoreHoldKinds?.includes(hold.kind));
      if (personHolds.length > 0) held.push({ personId: person.id, holds: personHolds });
      else erasable.push(person);
    }
    // Search entries go first, a few hundred per statement. FTS5 writes out its pending changes
    // whenever another statement opens a savepoint (every cascading DELETE and audited INSERT
    // does), so one entry per statement meant one tiny index segment per person, merged again
    // and again: at 1M persons 10,000 deletions took 8 s in the index alone.
    for (let i = 0; i < erasable.length; i += 500) {
      const ids = erasable.slice(i, i + 500).map(({ id }) => sql`${id}`);
      db.run(sql`DELETE FROM persons_fts WHERE rowid IN (${sql.join(ids, sql`, `)})`);
    }
    // Deleting keeps what the Accounting Act still needs, unlinked; anonymising keeps every order.
    if (request.action === 'delete') {
      const ids = erasable.map(({ id }) => id);
      bookkeeping = keepBookkeepingRows(db, ids, today, settings.bookkeepingYears);
    }
    const keptOf = new Map(bookkeeping.map((kept) => [kept.personId, kept]));
    const auditEvents = [];
    for (const { id, uid } of erasable) {
      const kept = keptOf.get(id);
      // The tombstone says what stayed behind: how many bookkeeping rows, and until when.
      const counts: Record<string, number | string> = { ...rowCounts.get(id)! };
      if (kept) {
        counts.orders = Number(counts.orders) - kept.rows;
        counts.bookkeepingKept = kept.rows;
        counts.keptUntil = kept.keptUntil;
      }
      if (request.action === 'anonymise') anonymiseOrders(db, id, today);
      statements.deletePerson.run({ id });
      statements.insertTombstone.run({
        personId: id,
        personUid: uid,
        action: request.action,
        at: now.toISOString(),
        reason: request.reason,
        byUserId: request.byScheduler ? null : register.user.id,
        counts: JSON.stringify(counts),
      });
      auditEvents.push({
        action: request.action === 'anonymise' ? 'person.anonymised' : 'person.erased',
        targetType: 'person',
        targetId: id,
        details: { reason: request.reason, automatic: request.byScheduler ?? false, ...counts },
      });
      erased.push(id);
    }
    register.auditMany(auditEvents);
    redactRequestsOf(db, erased, now.toISOString());
    request.alsoInTransaction?.(db, { erased, held, bookkeeping });
    return { erased, held, bookkeeping };
  });
}
