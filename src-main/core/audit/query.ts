// The audit log as the owner reads it: filtered by user, by person, by action and by date, a page at
// a time, or all matching entries as CSV, and whether the hash chain is intact. A person's history
// is every entry about them and every entry about a request or an order of theirs. Entries hold
// ids, never names of data subjects, so neither does the CSV; the actors (users) are named.
import { and, count, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import { auditLog, users } from '../../db/schema';
import { orders } from '../../db/schema-register';
import { requestSubjects } from '../../db/schema-requests';
import { finnishDate } from '../clock';
import type { UnlockedRegister } from '../register';
import { toCsv } from '../subject-package';
import { aboutPerson } from './person-ranges';
import { assertRole } from '../users';
import { sha256Hex } from '../written-files';
import { verifyAuditChain, type AuditVerification } from './index';

export interface AuditFilter {
  userId?: number | undefined;
  personId?: number | undefined;
  /** An action or the start of one: 'person.' finds every person action. */
  action?: string | undefined;
  /** Calendar dates in Finland, both included. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actorUserId: number | null;
  actor: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  total: number;
  entries: AuditEntryView[];
}

/** The instant a Finnish calendar day starts (Europe/Helsinki is UTC+2 or, in summer, UTC+3). */
export function helsinkiDayStart(date: string): string {
  for (const offset of ['+02:00', '+03:00']) {
    const instant = new Date(`${date}T00:00:00${offset}`);
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Helsinki',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(instant);
    if (finnishDate(instant) === date && local === '00') return instant.toISOString();
  }
  return new Date(`${date}T00:00:00+02:00`).toISOString();
}

const nextDay = (date: string) => {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

function conditions(register: UnlockedRegister, filter: AuditFilter): SQL | undefined {
  const db = register.db;
  const where: Array<SQL | undefined> = [];
  if (filter.userId !== undefined) where.push(eq(auditLog.actorUserId, filter.userId));
  if (filter.action) {
    // A prefix as a range: every action from 'person.' up to 'person.' followed by the last character.
    where.push(gte(auditLog.action, filter.action), lt(auditLog.action, `${filter.action}\u{10FFFF}`));
  }
  if (filter.from) where.push(gte(auditLog.at, helsinkiDayStart(filter.from)));
  if (filter.to) where.push(lt(auditLog.at, helsinkiDayStart(nextDay(filter.to))));
  if (filter.personId !== undefined) {
    const personId = filter.personId;
    const requestIds = db
      .select({ id: requestSubjects.requestId })
      .from(requestSubjects)
      .where(eq(requestSubjects.personId, personId))
      .all()
      .map((row) => String(row.id));
    const orderIds = db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.personId, personId))
      .all()
      .map((row) => String(row.id));
    where.push(
      or(
        aboutPerson(db, personId),
        requestIds.length > 0
          ? and(eq(auditLog.targetType, 'request'), inArray(auditLog.targetId, requestIds))
          : undefined,
        orderIds.length > 0 ? and(eq(auditLog.targetType, 'order'), inArray(auditLog.targetId, orderIds)) : undefined,
      ),
    );
  }
  return and(...where);
}

function select(register: UnlockedRegister, filter: AuditFilter) {
  return register.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actor: users.displayName,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(conditions(register, filter))
    .orderBy(desc(auditLog.id));
}

const view = (row: Omit<AuditEntryView, 'details'> & { details: string }): AuditEntryView => ({
  ...row,
  details: JSON.parse(row.details) as Record<string, unknown>,
});

/** Newest first. Owner only, like everything else about the audit log. */
export function queryAudit(
  register: UnlockedRegister,
  query: AuditFilter & { offset: number; limit: number },
): AuditPage {
  assertRole(register, 'owner');
  const { offset, limit, ...filter } = query;
  const total = register.db.select({ n: count() }).from(auditLog).where(conditions(register, filter)).get()?.n ?? 0;
  const entries = select(register, filter).limit(limit).offset(offset).all().map(view);
  return { total, entries };
}

const CSV_COLUMNS = [
  'id',
  'at',
  'at_helsinki',
  'actor_user_id',
  'actor',
  'action',
  'target_type',
  'target_id',
  'details',
] as const;

const helsinkiTime = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Helsinki',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));

/**
 * Every matching entry as CSV for a spreadsheet (';', UTF-8 with BOM, as the subject packages).
 * The export is itself an audit entry, with the filters it used and the file's SHA-256.
 */
export function auditCsv(
  register: UnlockedRegister,
  filter: AuditFilter,
): { csv: string; rows: number; fileName: string } {
  assertRole(register, 'owner');
  const rows = select(register, filter).all();
  const csv = toCsv(
    CSV_COLUMNS,
    rows.map((row) => [
      row.id,
      row.at,
      helsinkiTime(row.at),
      row.actorUserId,
      row.actor,
      row.action,
      row.targetType,
      row.targetId,
      row.details,
    ]),
  );
  const details: Record<string, string | number> = { rows: rows.length, sha256: sha256Hex(csv) };
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') details[key] = value;
  register.transaction(() => register.audit({ action: 'audit.exported', targetType: 'audit', details }));
  return { csv, rows: rows.length, fileName: `kaappi-audit-${finnishDate(register.deps.clock.now())}.csv` };
}

export interface AuditChainStatus extends AuditVerification {
  newestAt: string | null;
}

/** Walks the whole chain; reading it is not itself logged (it changes nothing and names no one). */
export function auditChainStatus(register: UnlockedRegister): AuditChainStatus {
  assertRole(register, 'owner');
  const newest = register.db.select({ at: auditLog.at }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  return { ...verifyAuditChain(register.db), newestAt: newest?.at ?? null };
}
