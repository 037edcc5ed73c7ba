// Consents and bans as events. The current state is derived (latest event per subject by when it
// took effect), so the register can always show what held on a given day and on what evidence
// (GDPR Art. 7(1)). `mayContact` is the one answer every export and mailing list uses; whether a
// channel needs consent or only the absence of an objection is the register's setting.
import { and, asc, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import { preparedQuery, type ReadableDb } from '../../db/open';
import { CONSENT_BIT } from '../../db/consent-state';
import {
  consentEvents,
  persons,
  personTallies,
  relationshipKinds,
  type ConsentMethod,
  type ConsentSubject,
} from '../../db/schema-register';
import { CONSENT_SUBJECTS } from '../../../src-shared/vocabulary';
import { KaappiError } from '../../../src-shared/errors';
import { assertMayChange, assertPersonExists, personRecord, WRITE_ROLES } from '../persons';
import type { UnlockedRegister } from '../register';
import { listKindGroups } from '../lists';
import { readRegisterProfile } from '../settings';
import { assertRole } from '../users';
import {
  channelModesOf,
  type ChannelMode,
  type MarketingChannelModes,
} from '../../../src-shared/contract/notice-facts';

export type { ChannelMode, MarketingChannelModes };

/**
 * Per channel, whether this register markets by consent or until the person objects; for a kind
 * (a group of persons) that declares its own modes, that group's.
 */
export function marketingChannelModes(register: UnlockedRegister, kindKey?: string): MarketingChannelModes {
  return channelModesByKind(register)(kindKey);
}

/** The modes of each kind, read once: for lists that ask for many persons of several groups. */
export function channelModesByKind(register: UnlockedRegister): (kindKey?: string) => MarketingChannelModes {
  const registerModes = channelModesOf(readRegisterProfile(register).notice);
  const own = new Map(listKindGroups(register.db).map((group) => [group.key, group.marketingChannels]));
  return (kindKey) => (kindKey === undefined ? null : own.get(kindKey)) ?? registerModes;
}

export const CHANNELS = ['email', 'sms', 'phone', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];
export const PURPOSES = ['marketing', 'research', 'listing'] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface ConsentChange {
  subject: ConsentSubject;
  granted: boolean;
  method: ConsentMethod;
  evidence: string;
  /** When it took effect; defaults to now. */
  effectiveAt?: string;
}

export type ConsentState = Record<
  ConsentSubject,
  { granted: boolean; effectiveAt: string; method: ConsentMethod } | null
>;

export function recordConsents(register: UnlockedRegister, personId: number, changes: ConsentChange[]): ConsentState {
  assertRole(register, ...WRITE_ROLES);
  const now = register.deps.clock.now().toISOString();
  return register.transaction((db) => {
    // A ban may always be set on a restricted person (that is what they asked for); nothing else.
    if (changes.some((c) => !(c.subject.startsWith('ban_') && c.granted))) assertMayChange(db, personId);
    else assertPersonExists(db, personId);
    for (const change of changes) {
      if (change.effectiveAt && change.effectiveAt > now) throw new KaappiError('INVALID_INPUT');
      db.insert(consentEvents)
        .values({
          personId,
          subject: change.subject,
          granted: change.granted,
          method: change.method,
          evidence: change.evidence,
          effectiveAt: change.effectiveAt ?? now,
          recordedAt: now,
          recordedBy: register.user.id,
        })
        .run();
      register.audit({
        action: 'consent.recorded',
        targetType: 'person',
        targetId: personId,
        details: { subject: change.subject, granted: change.granted, method: change.method },
      });
    }
    return consentState(db, personId, now);
  });
}

/** The state on `at` (an ISO instant): for each subject, the latest event that had taken effect. */
export function consentState(db: ReadableDb, personId: number, at: string): ConsentState {
  const state = Object.fromEntries(CONSENT_SUBJECTS.map((s) => [s, null])) as ConsentState;
  const rows = db
    .select()
    .from(consentEvents)
    .where(and(eq(consentEvents.personId, personId), lte(consentEvents.effectiveAt, at)))
    .orderBy(asc(consentEvents.effectiveAt), asc(consentEvents.id))
    .all();
  for (const row of rows)
    state[row.subject] = { granted: row.granted, effectiveAt: row.effectiveAt, method: row.method };
  return state;
}

export function consentHistory(db: ReadableDb, personId: number) {
  return db
    .select()
    .from(consentEvents)
    .where(eq(consentEvents.personId, personId))
    .orderBy(desc(consentEvents.effectiveAt), desc(consentEvents.id))
    .all();
}

export type ContactRefusal =
  | 'restricted'
  | 'no_channel_consent'
  | 'objected'
  | 'direct_marketing_ban'
  | 'research_ban'
  | 'publication_ban'
  | 'no_address';

export interface ContactAnswer {
  allowed: boolean;
  reasons: ContactRefusal[];
}

/**
 * May this person be contacted through `channel` for `purpose` at `at`? An opt-in channel needs a
 * consent in force; an opt-out one only that the latest event on it is not a refusal (an objection
 * is recorded as a withdrawal on that channel). Restriction and the direct-marketing ban override
 * both; research and listing (mailing labels) have their own bans on top. All reasons are
 * returned, so exports can count why people were left out.
 */
export function mayContact(
  db: ReadableDb,
  personId: number,
  channel: Channel,
  purpose: Purpose,
  at: string,
  mode: ChannelMode,
): ContactAnswer {
  // One person through the list's path, so a single answer and a list's can never differ.
  return mayContactMany(db, [{ id: personId, mode }], channel, purpose, at)[0]!;
}

/** mayContact today, by the mode of the person's group (the person view's question). */
export function mayContactNow(
  register: UnlockedRegister,
  personId: number,
  channel: Channel,
  purpose: Purpose,
): ContactAnswer {
  const kindKey = personRecord(register.db, personId).kindKey;
  const mode = marketingChannelModes(register, kindKey)[channel];
  return mayContact(register.db, personId, channel, purpose, register.deps.clock.now().toISOString(), mode);
}

interface Contactable {
  restricted: boolean;
  email: string | null;
  phone: string | null;
  street: string | null;
}

/**
 * mayContact's answer from the person's row and whether each subject's latest event is a grant.
 * contactRefusalRule below states the same rule in SQL: the two must agree.
 */
function contactAnswer(
  person: Contactable,
  granted: (subject: ConsentSubject) => boolean | undefined,
  channel: Channel,
  purpose: Purpose,
  mode: ChannelMode,
): ContactAnswer {
  const reasons: ContactRefusal[] = [];
  if (person.restricted) reasons.push('restricted');
  const onChannel = granted(channel);
  if (mode === 'optOut' ? onChannel === false : !onChannel)
    reasons.push(mode === 'optOut' ? 'objected' : 'no_channel_consent');
  if (granted('ban_direct_marketing')) reasons.push('direct_marketing_ban');
  if (purpose === 'research' && granted('ban_research')) reasons.push('research_ban');
  if (purpose === 'listing' && granted('ban_publication')) reasons.push('publication_ban');
  const address = { email: person.email, sms: person.phone, phone: person.phone, post: person.street }[channel];
  if (!address) reasons.push('no_address');
  return { allowed: reasons.length === 0, reasons };
}

/**
 * mayContact for many persons (a page of a mailing list), in the order given: two queries for
 * them all instead of two each. Every id must be a person's.
 */
export function mayContactMany(
  db: ReadableDb,
  people: Array<{ id: number; mode: ChannelMode }>,
  channel: Channel,
  purpose: Purpose,
  at: string,
): ContactAnswer[] {
  if (people.length === 0) return [];
  const ids = JSON.stringify(people.map((p) => p.id));
  const rows = preparedQuery(db, 'mayContactMany persons', () =>
    db
      .select({
        id: persons.id,
        restricted: persons.restricted,
        email: persons.email,
        phone: persons.phone,
        street: persons.street,
      })
      .from(persons)
      .where(sql`${persons.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`),
  ).all({ ids });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // Each subject's latest event by when it took effect (then id), as consentState folds them.
  const latest = new Map<number, Map<ConsentSubject, boolean>>();
  const events = preparedQuery(db, 'mayContactMany events', () =>
    db
      .select({ personId: consentEvents.personId, subject: consentEvents.subject, granted: consentEvents.granted })
      .from(consentEvents)
      .where(
        and(
          sql`${consentEvents.personId} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`,
          lte(consentEvents.effectiveAt, sql.placeholder('at')),
        ),
      )
      .orderBy(asc(consentEvents.personId), asc(consentEvents.effectiveAt), asc(consentEvents.id)),
  ).all({ ids, at });
  for (const event of events) {
    let state = latest.get(event.personId);
    if (!state) latest.set(event.personId, (state = new Map()));
    state.set(event.subject, event.granted);
  }
  return people.map(({ id, mode }) => {
    const person = byId.get(id);
    if (!person) throw new KaappiError('PERSON_NOT_FOUND');
    const state = latest.get(id);
    return contactAnswer(person, (subject) => state?.get(subject), channel, purpose, mode);
  });
}

/** A reason for leaving a person out, as a condition on their persons row (or their tally's). */
export interface RefusalCondition {
  reason: ContactRefusal;
  when: SQL;
}

/** What the conditions read: a persons row's columns, or the same in person_tallies (migration 0020). */
export interface RefusalColumns {
  kindId: SQL;
  restricted: SQL;
  granted: SQL;
  withdrawn: SQL;
  /** True when the person has no address for the channel (none, or an empty one). */
  noAddress: (channel: Channel) => SQL;
}

export const PERSON_COLUMNS: RefusalColumns = {
  kindId: sql`${persons.kindId}`,
  restricted: sql`${persons.restricted}`,
  granted: sql`${persons.consentsGranted}`,
  withdrawn: sql`${persons.consentsWithdrawn}`,
  noAddress: (channel) => {
    const address = { email: persons.email, sms: persons.phone, phone: persons.phone, post: persons.street }[channel];
    return sql`(${address} IS NULL OR ${address} = '')`;
  },
};

export const TALLY_COLUMNS: RefusalColumns = {
  kindId: sql`${personTallies.kindId}`,
  restricted: sql`${personTallies.restricted}`,
  granted: sql`${personTallies.consentsGranted}`,
  withdrawn: sql`${personTallies.consentsWithdrawn}`,
  noAddress: (channel) => {
    const has = {
      email: personTallies.hasEmail,
      sms: personTallies.hasPhone,
      phone: personTallies.hasPhone,
      post: personTallies.hasStreet,
    }[channel];
    return sql`${has} = 0`;
  },
};

/**
 * contactAnswer's rule in SQL, one condition per reason, on the consent state kept on each person
 * (migration 0019: a subject's bit is in consents_granted when its latest event is a grant, in
 * consents_withdrawn when it is a withdrawal), so a whole list is counted in one pass. It MUST
 * agree with contactAnswer: change one, change the other (test/core/mailing-count.test.ts holds
 * them to each other, reason by reason). The kept bits fold in events not yet in effect, so the
 * conditions hold only for persons with no event effective after the moment asked about: decide
 * those with mayContactMany. The modes are read once, for conditions on persons' columns or on
 * the tallies'; `shape` names the text, which depends on the kinds' channel modes.
 */
export function contactRefusalRule(
  register: UnlockedRegister,
  channel: Channel,
  purpose: Purpose,
): { conditionsOn: (columns: RefusalColumns) => RefusalCondition[]; shape: string } {
  const modesOf = channelModesByKind(register);
  const kinds = preparedQuery(register.db, 'contactRefusalRule kinds', () =>
    register.db.select({ id: relationshipKinds.id, key: relationshipKinds.key }).from(relationshipKinds),
  ).all();
  const optOutKinds = kinds.filter((kind) => modesOf(kind.key)[channel] === 'optOut').map((kind) => kind.id);
  const conditionsOn = (columns: RefusalColumns) => {
    // Each person by their group's mode; literals (ids from the table) where every group agrees.
    const optOut =
      optOutKinds.length === kinds.length
        ? sql`1`
        : optOutKinds.length === 0
          ? sql`0`
          : sql`${columns.kindId} IN (${sql.raw(optOutKinds.join(', '))})`;
    const has = (column: SQL, subject: ConsentSubject) =>
      sql`(${column} & ${sql.raw(String(CONSENT_BIT[subject]))}) <> 0`;
    const granted = (subject: ConsentSubject) => has(columns.granted, subject);
    const conditions: RefusalCondition[] = [{ reason: 'restricted', when: sql`${columns.restricted} <> 0` }];
    // Opt-out: the latest event on the channel is a refusal; opt-in: it is not a grant (or none).
    // A reason no group's mode can give is left out rather than summed as a constant 0.
    if (optOutKinds.length > 0)
      conditions.push({ reason: 'objected', when: sql`(${optOut} AND ${has(columns.withdrawn, channel)})` });
    if (optOutKinds.length < kinds.length)
      conditions.push({ reason: 'no_channel_consent', when: sql`(NOT ${optOut} AND NOT ${granted(channel)})` });
    conditions.push({ reason: 'direct_marketing_ban', when: granted('ban_direct_marketing') });
    if (purpose === 'research') conditions.push({ reason: 'research_ban', when: granted('ban_research') });
    if (purpose === 'listing') conditions.push({ reason: 'publication_ban', when: granted('ban_publication') });
    conditions.push({ reason: 'no_address', when: columns.noAddress(channel) });
    return conditions;
  };
  return {
    conditionsOn,
    shape: `${channel} ${purpose} optOut=${optOutKinds.length === kinds.length ? 'all' : optOutKinds.join(',')}`,
  };
}
