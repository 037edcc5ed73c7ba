// Writes an import, inside the caller's transaction. New persons are written in bulk as the plan
// decides on them (new-persons.ts): through createPerson each costs 2.2 ms (its own savepoint,
// search-index delete and re-insert, audit entry), which makes 100,000 rows take minutes. The new
// persons are audited as one range (audit/person-ranges.ts) and the other audit entries go in one
// batch. Merges into existing persons are few and go through updatePerson and moveToOrganization,
// which check and audit as the person view does.
import { eq, sql } from 'drizzle-orm';
import { preparedOn, type RegisterDb } from '../../db/open';
import { consentEvents, contactLog, interests, organizations, persons } from '../../db/schema-register';
import { personRangeTarget, type AuditEvent } from '../audit';
import { finnishDate } from '../clock';
import type { ConsentChange } from '../consents';
import { PERSON_RANGE } from '../../../src-shared/contract/notice';
import { kindIdByKey, sourceIdByKey } from '../lists';
import { moveToOrganization, updatePerson } from '../persons';
import type { UnlockedRegister } from '../register';
import { textKey } from './match-keys';
import { NewPersonWriter, type OrganizationRef } from './new-persons';
import { PROGRESS_ROWS, type ImportPlan, type NewPerson } from './plan';
import type { UndeliverableMark } from './rows';

export interface WriterOptions {
  kindKey: string;
  sourceKey: string;
}

type Audit = Omit<AuditEvent, 'actorUserId'>;

const ph = (name: string) => sql.placeholder(name);

/**
 * Organizations by name (letter case aside; the oldest of a name), read once. A missing one is
 * created when first named, with one prepared insert (an import of a booking system's export can
 * name thousands), and audited as createOrganization audits it.
 */
function organizationFinder(register: UnlockedRegister, db: RegisterDb, at: string, audits: Audit[]) {
  /** The organizations this import created: their audit entries and name keys. */
  const created = new Map<number, { audit: Audit; key: string }>();
  const known = new Map<string, OrganizationRef>();
  const rows = db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .orderBy(organizations.id)
    .all();
  for (const row of rows) if (!known.has(textKey(row.name))) known.set(textKey(row.name), row);
  const insert = db
    .insert(organizations)
    .values({ name: ph('name'), country: 'FI', createdAt: at, updatedAt: at })
    .prepare();
  const find = (name: string): OrganizationRef => {
    const key = textKey(name);
    let ref = known.get(key);
    if (!ref) {
      ref = { id: Number(insert.run({ name }).lastInsertRowid), name };
      known.set(key, ref);
      const audit: Audit = {
        action: 'organization.created',
        targetType: 'organization',
        targetId: ref.id,
        details: { via: 'import' },
      };
      created.set(ref.id, { audit, key });
      audits.push(audit);
    }
    return ref;
  };
  /**
   * Takes back an organization this import created for a new person that a later row moved to
   * another, if nobody else is linked to it: as the plan decided, it would not have been created.
   * Called once everything else is written, so that no later find creates it again.
   */
  const dropIfUnused = (id: number): void => {
    const mine = created.get(id);
    if (!mine) return;
    const linked = preparedOn<[number]>(db, 'SELECT 1 FROM employments WHERE organization_id = ? LIMIT 1');
    if (linked.get(id) !== undefined) return;
    db.delete(organizations).where(eq(organizations.id, id)).run();
    audits.splice(audits.indexOf(mine.audit), 1);
    created.delete(id);
    known.delete(mine.key);
  };
  return { find, dropIfUnused };
}

/** Consents, interests and undeliverable marks, each audited as the person view audits it. */
function extrasWriter(register: UnlockedRegister, db: RegisterDb, at: string, audits: Audit[]) {
  const userId = register.user.id;
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

  return (personId: number, consents: ConsentChange[], tags: string[], marks: UndeliverableMark[]) => {
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
}

/** The persons an import created: contiguous ids (see audit/person-ranges.ts). */
export interface CreatedRange {
  first: number;
  last: number;
}

export interface ImportWriter {
  /** Writes a person the plan has just decided to create: its row, organization link and search entry. */
  create(person: NewPerson): void;
  /**
   * Writes the rest of the plan, whose creates must all have been passed to `create` in order: the
   * persons later rows changed, consents, interests and marks, merges into existing persons, the audit.
   * Returns the ids of the persons it created, first to last.
   */
  finish(
    plan: ImportPlan,
    onProgress?: (done: number, total: number) => void | Promise<void>,
  ): Promise<CreatedRange | null>;
}

/** Starts writing an import inside the caller's transaction. */
export function startImportWriter(register: UnlockedRegister, db: RegisterDb, options: WriterOptions): ImportWriter {
  const now = register.deps.clock.now();
  const at = now.toISOString();
  const today = finnishDate(now);
  // Organizations created first in the audit, then the new persons, then what each got.
  const organizationAudits: Audit[] = [];
  const audits: Audit[] = [];
  const orgs = organizationFinder(register, db, at, organizationAudits);
  const newPersons = new NewPersonWriter(db, {
    kindId: kindIdByKey(db, options.kindKey),
    sourceId: sourceIdByKey(db, options.sourceKey),
    at,
    today,
    organization: orgs.find,
  });
  const writeExtras = extrasWriter(register, db, at, audits);

  return {
    create: (person) => newPersons.write(person),
    async finish(plan, onProgress) {
      if (newPersons.count !== plan.creates.length) {
        throw new Error(`the import wrote ${newPersons.count} of its ${plan.creates.length} new persons`);
      }
      newPersons.finish();
      const total = plan.revisedCreates.length + plan.redatedCreates.length + plan.creates.length + plan.updates.length;
      let done = 0;
      const step = async () => {
        done += 1;
        if (done % PROGRESS_ROWS === 0) await onProgress?.(done, total);
      };
      const unlinked: number[] = [];
      for (const pendingId of plan.revisedCreates) {
        const before = newPersons.rewrite(pendingId, plan.creates[pendingId]!);
        if (before !== null) unlinked.push(before);
        await step();
      }
      for (const pendingId of plan.redatedCreates) {
        newPersons.redate(pendingId, plan.creates[pendingId]!);
        await step();
      }
      for (const [i, person] of plan.creates.entries()) {
        writeExtras(newPersons.idOf(i), person.consents, person.interests, person.undeliverable);
        await step();
      }
      for (const update of plan.updates) {
        if (Object.keys(update.changes).length > 0) updatePerson(register, update.personId, update.changes);
        if (update.moveTo !== null) {
          // The new link carries the person's title as this import leaves it, as a new person's does.
          const title = db
            .select({ jobTitle: persons.jobTitle })
            .from(persons)
            .where(eq(persons.id, update.personId))
            .get()?.jobTitle;
          moveToOrganization(register, [update.personId], { organizationId: orgs.find(update.moveTo).id, title });
        }
        writeExtras(update.personId, update.consents, update.interests, update.undeliverable);
        if (update.activityOn) {
          const on = update.activityOn < today ? update.activityOn : today;
          db.update(persons)
            .set({ lastActivityOn: on })
            .where(sql`${persons.id} = ${update.personId} AND ${persons.lastActivityOn} < ${on}`)
            .run();
        }
        await step();
      }
      for (const id of unlinked) orgs.dropIfUnused(id);
      const created = newPersons.range();
      register.auditMany([
        ...organizationAudits,
        ...(created
          ? [
              {
                action: 'person.created',
                targetType: PERSON_RANGE,
                targetId: personRangeTarget(created.first, created.last),
                details: { via: 'import', count: created.last - created.first + 1 },
              } satisfies Audit,
            ]
          : []),
        ...audits,
      ]);
      await onProgress?.(total, total);
      return created;
    },
  };
}
