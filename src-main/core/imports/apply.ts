// Writes an import plan, inside the caller's transaction. New persons are written in bulk: through
// createPerson each costs 2.2 ms (its own savepoint, search-index delete and re-insert, audit
// entry), which makes 100,000 rows take minutes; here the inserts are prepared once, search entries
// have the shape reindexPerson writes (a test compares the two), the new persons are audited as one
// range (audit/person-ranges.ts) and the other audit entries go in one batch.
// Merges into existing persons are few and go through updatePerson and moveToOrganization, which
// check and audit as the person view does.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { preparedOn } from '../../db/open';
import { consentEvents, contactLog, interests, organizations, persons } from '../../db/schema-register';
import type { AuditEvent } from '../audit';
import { personRangeTarget } from '../audit/person-ranges';
import { finnishDate } from '../clock';
import type { ConsentChange } from '../consents';
import { PERSON_RANGE } from '../../ipc/contract/notice';
import { kindIdByKey, sourceIdByKey } from '../lists';
import { moveToOrganization, updatePerson } from '../persons';
import { insertSearchEntries, searchEntry } from '../persons/search-index';
import type { UnlockedRegister } from '../register';
import { textKey } from './match';
import { PROGRESS_ROWS, type ImportPlan, type NewPerson } from './plan';
import type { UndeliverableMark } from './rows';

export interface ApplyOptions {
  kindKey: string;
  sourceKey: string;
  /** Awaited every PROGRESS_ROWS persons, as planImport's onRow. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

type Audit = Omit<AuditEvent, 'actorUserId'>;

const ph = (name: string) => sql.placeholder(name);

interface OrganizationRef {
  id: number;
  /** As the register spells it: the search index holds this, not the file's spelling. */
  name: string;
}

/**
 * Organizations by name (letter case aside; the oldest of a name). Missing ones are created here
 * with one prepared insert (an import of a booking system's export can name thousands) and audited
 * as createOrganization audits them.
 */
function organizationIds(
  register: UnlockedRegister,
  names: string[],
  at: string,
  audits: Audit[],
): Map<string, OrganizationRef> {
  const ids = new Map<string, OrganizationRef>();
  const rows = register.db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .orderBy(organizations.id)
    .all();
  for (const row of rows) if (!ids.has(textKey(row.name))) ids.set(textKey(row.name), row);
  const insert = register.db
    .insert(organizations)
    .values({ name: ph('name'), country: 'FI', createdAt: at, updatedAt: at })
    .prepare();
  for (const name of names) {
    if (ids.has(textKey(name))) continue;
    const id = Number(insert.run({ name }).lastInsertRowid);
    ids.set(textKey(name), { id, name });
    audits.push({
      action: 'organization.created',
      targetType: 'organization',
      targetId: id,
      details: { via: 'import' },
    });
  }
  return ids;
}

export async function applyPlan(register: UnlockedRegister, plan: ImportPlan, options: ApplyOptions): Promise<void> {
  const db = register.db;
  const now = register.deps.clock.now();
  const at = now.toISOString();
  const today = finnishDate(now);
  const userId = register.user.id;
  const audits: Audit[] = [];
  const total = plan.creates.length + plan.updates.length;

  const names = [...plan.creates.map((p) => p.organization), ...plan.updates.map((u) => u.moveTo)].filter(
    (name): name is string => name !== null,
  );
  const orgIds = organizationIds(register, [...new Set(names)], at, audits);
  const kindId = kindIdByKey(db, options.kindKey);
  const sourceId = sourceIdByKey(db, options.sourceKey);

  const insertConsent = db
    .insert(consentEvents)
    .values({
      personId: ph('personId'),
      subject: ph('subject'),
      granted: ph('granted'),
      method: ph('method'),
      evidence: ph('evidence'),
      effectiveAt: ph('effectiveAt'),
      recordedAt: at,
      recordedBy: userId,
    })
    .prepare();
  const insertTag = db
    .insert(interests)
    .values({ personId: ph('personId'), tag: ph('tag') })
    .onConflictDoNothing()
    .prepare();
  const insertMark = db
    .insert(contactLog)
    .values({
      personId: ph('personId'),
      occurredOn: ph('occurredOn'),
      channel: 'email',
      kind: 'contact',
      summary: ph('summary'),
      createdAt: at,
      createdBy: userId,
    })
    .prepare();

  const writeExtras = (personId: number, consents: ConsentChange[], tags: string[], marks: UndeliverableMark[]) => {
    for (const c of consents) {
      insertConsent.run({
        personId,
        subject: c.subject,
        granted: c.granted ? 1 : 0,
        method: c.method,
        evidence: c.evidence,
        effectiveAt: c.effectiveAt ?? at,
      });
      audits.push({
        action: 'consent.recorded',
        targetType: 'person',
        targetId: personId,
        details: { subject: c.subject, granted: c.granted, method: c.method },
      });
    }
    for (const tag of tags) {
      insertTag.run({ personId, tag });
      audits.push({ action: 'interest.added', targetType: 'person', targetId: personId });
    }
    for (const mark of marks) {
      const occurredOn = finnishDate(new Date(mark.at));
      insertMark.run({ personId, occurredOn, summary: mark.summary });
      audits.push({
        action: 'contact.added',
        targetType: 'person',
        targetId: personId,
        details: { undeliverable: true },
      });
    }
  };

  const createdAt = audits.length;
  const created = await writeNewPersons(
    register,
    plan.creates,
    { kindId, sourceId, orgIds, at, today },
    (personId, person) => writeExtras(personId, person.consents, person.interests, person.undeliverable),
    (done) => options.onProgress?.(done, total),
  );
  if (created) {
    // Before the entries of their consents and interests, as createPerson's entry would be.
    audits.splice(createdAt, 0, {
      action: 'person.created',
      targetType: PERSON_RANGE,
      targetId: personRangeTarget(created.first, created.last),
      details: { via: 'import', count: created.last - created.first + 1 },
    });
  }

  for (const [i, update] of plan.updates.entries()) {
    if (Object.keys(update.changes).length > 0) updatePerson(register, update.personId, update.changes);
    if (update.moveTo !== null) {
      moveToOrganization(register, [update.personId], { organizationId: orgIds.get(textKey(update.moveTo))!.id });
    }
    writeExtras(update.personId, update.consents, update.interests, update.undeliverable);
    if (update.activityOn) {
      const on = update.activityOn < today ? update.activityOn : today;
      db.update(persons)
        .set({ lastActivityOn: on })
        .where(sql`${persons.id} = ${update.personId} AND ${persons.lastActivityOn} < ${on}`)
        .run();
    }
    if ((i + 1) % PROGRESS_ROWS === 0) await options.onProgress?.(plan.creates.length + i + 1, total);
  }
  register.auditMany(audits);
  await options.onProgress?.(total, total);
}

type PersonRow = [
  uid: string,
  firstName: string,
  lastName: string,
  jobTitle: string | null,
  phone: string | null,
  email: string | null,
  emailKey: string | null,
  street: string | null,
  postalCode: string | null,
  city: string | null,
  country: string,
  birthDate: string | null,
  www: string | null,
  notes: string | null,
  language: string,
  sourceId: number | null,
  kindId: number,
  statusChangedOn: string,
  lastActivityOn: string,
  createdAt: string,
  updatedAt: string,
];

interface NewPersonContext {
  kindId: number;
  sourceId: number | null;
  orgIds: Map<string, OrganizationRef>;
  at: string;
  today: string;
}

async function writeNewPersons(
  register: UnlockedRegister,
  people: NewPerson[],
  context: NewPersonContext,
  afterEach: (personId: number, person: NewPerson) => void,
  progress: (done: number) => void | Promise<void>,
): Promise<{ first: number; last: number } | null> {
  const db = register.db;
  // Bare statements, not drizzle's: its placeholders cost a quarter of the writing at 100,000 persons.
  const insertPerson = preparedOn<PersonRow>(
    db,
    `INSERT INTO persons (uid, first_name, last_name, job_title, phone, email, email_key, street, postal_code,
       city, country, birth_date, www, notes, language, source_id, kind_id, status, status_changed_on,
       last_activity_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
  );
  const insertEmployment = preparedOn<[number, number, string | null, string]>(
    db,
    'INSERT INTO employments (person_id, organization_id, title, started_on) VALUES (?, ?, ?, ?)',
  );
  let first = 0;
  for (const [i, person] of people.entries()) {
    const v = person.values;
    const lastActivityOn = person.activityOn && person.activityOn < context.today ? person.activityOn : context.today;
    const result = insertPerson.run(
      randomUUID(),
      v.firstName ?? '',
      v.lastName ?? '',
      v.jobTitle ?? null,
      v.phone ?? null,
      v.email ?? null,
      v.email?.toLowerCase() ?? null,
      v.street ?? null,
      v.postalCode ?? null,
      v.city ?? null,
      v.country ?? 'FI',
      v.birthDate ?? null,
      v.www ?? null,
      v.notes ?? null,
      v.language ?? 'fi',
      context.sourceId,
      context.kindId,
      context.today,
      lastActivityOn,
      context.at,
      context.at,
    );
    const personId = Number(result.lastInsertRowid);
    // One audit entry names them all by their range of ids (audit/person-ranges.ts), which holds
    // only if they are contiguous; AUTOINCREMENT inside one transaction makes them so.
    if (i > 0 && personId !== first + i)
      throw new Error(`new person ids not contiguous: ${personId} after ${first + i - 1}`);
    if (i === 0) first = personId;
    const organization = person.organization ? context.orgIds.get(textKey(person.organization))! : null;
    if (organization) {
      insertEmployment.run(personId, organization.id, v.jobTitle ?? null, context.today);
    }
    insertSearchEntries(db, [searchEntry(personId, v, organization?.name ?? '')]);
    afterEach(personId, person);
    if ((i + 1) % PROGRESS_ROWS === 0) await progress(i + 1);
  }
  return people.length > 0 ? { first, last: first + people.length - 1 } : null;
}
