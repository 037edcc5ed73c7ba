// The register itself: persons, organizations and what the notices say is kept about them.
// Every row about a person references persons.id with ON DELETE CASCADE, so erasing a person is
// one DELETE (retention issue), and nothing about them can be left behind by a forgotten table.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './schema';
import { LANGUAGES } from '../../src-shared/language';
import {
  CONSENT_METHODS,
  CONSENT_SUBJECTS,
  CONTACT_CHANNELS,
  CONTACT_KINDS,
  CUSTOM_FIELD_TYPES,
  INVOICE_STATUSES,
  PERSON_STATUSES,
} from '../../src-shared/vocabulary';

export * from '../../src-shared/vocabulary';

/** Owner-configurable lists (relationship kinds, data sources): a key and a label per language. */
const listColumns = {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull(),
  labelFi: text('label_fi').notNull(),
  labelEn: text('label_en').notNull(),
  builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  position: integer('position').notNull().default(0),
};

/**
 * A kind is also a group of persons in the notice: it may declare its own data categories and
 * channel modes (JSON, migration 0018); null means the register's own, as for a kind that has none.
 */
export const relationshipKinds = sqliteTable(
  'relationship_kinds',
  {
    ...listColumns,
    dataCategories: text('data_categories'),
    marketingChannels: text('marketing_channels'),
  },
  (t) => [uniqueIndex('relationship_kinds_key_unique').on(t.key)],
);

export const dataSources = sqliteTable('data_sources', listColumns, (t) => [
  uniqueIndex('data_sources_key_unique').on(t.key),
]);

export const persons = sqliteTable(
  'persons',
  {
    // AUTOINCREMENT: an erased person's id is never given to someone else.
    id: integer('id').primaryKey({ autoIncrement: true }),
    /**
     * Random id for files that leave the register (exports, the erasure ledger): a random UUID,
     * unique by its 122 random bits. Not indexed: only a restore looks persons up by it, in one
     * pass over the table, and the index was a tenth of the pages an erasure writes (migration 0014).
     */
    uid: text('uid').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    jobTitle: text('job_title'),
    /** E.164, e.g. +358401234567. */
    phone: text('phone'),
    email: text('email'),
    /** Lower-cased email: unique where present. */
    emailKey: text('email_key'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country').notNull().default('FI'),
    birthDate: text('birth_date'),
    /** Age as told, and when, for registers that record age instead of birth date (seed 002). */
    age: integer('age'),
    ageRecordedOn: text('age_recorded_on'),
    www: text('www'),
    ipAddress: text('ip_address'),
    notes: text('notes'),
    language: text('language', { enum: LANGUAGES }).notNull().default('fi'),
    sourceId: integer('source_id').references(() => dataSources.id),
    /** When the person was told about the registration (seed 000 §6). */
    informedOn: text('informed_on'),
    informedHow: text('informed_how'),
    kindId: integer('kind_id')
      .notNull()
      .references(() => relationshipKinds.id),
    status: text('status', { enum: PERSON_STATUSES }).notNull().default('active'),
    statusChangedOn: text('status_changed_on').notNull(),
    passivatedOn: text('passivated_on'),
    endedOn: text('ended_on'),
    /** Customer activity (orders, contacts, edits that are activity); not a staff member viewing. */
    lastActivityOn: text('last_activity_on').notNull(),
    /** Restriction of processing (GDPR Art. 18): no marketing, no edits but lifting it. */
    restricted: integer('restricted', { mode: 'boolean' }).notNull().default(false),
    /**
     * Derived from consent_events, kept by its triggers in the same transaction (migration 0019):
     * one bit per CONSENT_SUBJECTS entry (email = 1 … ban_profiling = 128) whose latest event is a
     * grant (ban set), and one whose latest is a withdrawal (ban lifted). The views filter on these.
     */
    consentsGranted: integer('consents_granted').notNull().default(0),
    consentsWithdrawn: integer('consents_withdrawn').notNull().default(0),
    /**
     * Kept by triggers in the same statement as any change (migration 0021), for the review's
     * counts: the earliest day an active retention policy makes the person due (null: none), and
     * whether an open or collected invoice or a current contact-person role blocks deleting them.
     */
    dueOn: text('due_on'),
    retentionBlocked: integer('retention_blocked', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('persons_email_key_unique')
      .on(t.emailKey)
      .where(sql`email_key IS NOT NULL`),
    index('persons_last_name').on(t.lastName, t.firstName),
    index('persons_status').on(t.status, t.lastActivityOn),
    // The retention sweep's indexes carry kind_id (and the kind index created_at), so finding who
    // is due reads only the index, not a million person rows (1M register: 2.1 s → 0.1 s).
    // Partial: only passive (or ended) persons are in them, so erasing anyone else leaves their
    // pages alone. status stays the first column although it is always the same: without it the
    // planner prefers persons_kind's equality to a range and reads every person of the kind.
    index('persons_passivated')
      .on(t.status, t.passivatedOn, t.kindId)
      .where(sql`status = 'passive'`),
    index('persons_ended')
      .on(t.status, t.endedOn, t.kindId)
      .where(sql`status = 'ended'`),
    index('persons_kind').on(t.kindId, t.createdAt),
    index('persons_phone').on(t.phone),
    index('persons_last_activity').on(t.lastActivityOn, t.kindId),
    // The built-in views' own name orders (issue 25): their first page is the index's first rows
    // and their count reads only their own entries.
    index('persons_no_consent_by_name')
      .on(t.lastName, t.firstName)
      .where(sql`(consents_granted & 15) = 0`),
    index('persons_not_informed_by_name')
      .on(t.lastName, t.firstName)
      .where(sql`informed_on IS NULL`),
    index('persons_passive_by_name')
      .on(t.lastName, t.firstName, t.passivatedOn)
      .where(sql`status = 'passive'`),
    // Who is due by a day, and whether anything in the register blocks them, in the index alone.
    index('persons_due')
      .on(t.dueOn, t.retentionBlocked)
      .where(sql`due_on IS NOT NULL`),
  ],
);

/**
 * How many persons the table's unfiltered view and its one-filter built-in views hold, kept by
 * triggers on persons in the same statement as the change (migration 0019): a count at a million
 * persons without reading half a million index entries. verify recounts them.
 */
export const personCounts = sqliteTable('person_counts', {
  /** 'all', 'no_consent' or 'not_informed'. */
  name: text('name').primaryKey(),
  n: integer('n').notNull(),
});

/**
 * How many persons share each combination of what a mailing list's count reads of them (group,
 * restriction, consent bits, which addresses they have), kept by triggers on persons in the same
 * statement as the change (migration 0020): a whole-register list counted without reading every
 * person. verify recounts them.
 */
export const personTallies = sqliteTable(
  'person_tallies',
  {
    kindId: integer('kind_id').notNull(),
    /** 1 when processing is restricted. */
    restricted: integer('restricted').notNull(),
    consentsGranted: integer('consents_granted').notNull(),
    consentsWithdrawn: integer('consents_withdrawn').notNull(),
    /** 1 when the person has the address (not null, not empty). */
    hasEmail: integer('has_email').notNull(),
    hasPhone: integer('has_phone').notNull(),
    hasStreet: integer('has_street').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.kindId, t.restricted, t.consentsGranted, t.consentsWithdrawn, t.hasEmail, t.hasPhone, t.hasStreet],
    }),
  ],
);

export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** Y-tunnus, e.g. 2900263-2, check digit validated. */
    businessId: text('business_id'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country').notNull().default('FI'),
    phone: text('phone'),
    email: text('email'),
    www: text('www'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('organizations_business_id_unique')
      .on(t.businessId)
      .where(sql`business_id IS NOT NULL`),
    index('organizations_name').on(t.name),
  ],
);

/** A person representing an organization over time; endedOn null = current. */
export const employments = sqliteTable(
  'employments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    title: text('title'),
    startedOn: text('started_on').notNull(),
    endedOn: text('ended_on'),
  },
  // ended_on in the index: "is a current contact person" is a retention hold, read for each person swept.
  (t) => [
    index('employments_person').on(t.personId, t.endedOn),
    index('employments_organization').on(t.organizationId),
  ],
);

/** Consents and bans as events; the current state is the latest event per subject. */
export const consentEvents = sqliteTable(
  'consent_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    subject: text('subject', { enum: CONSENT_SUBJECTS }).notNull(),
    /** Channel: consent given (true) or withdrawn. Ban: set (true) or lifted. */
    granted: integer('granted', { mode: 'boolean' }).notNull(),
    method: text('method', { enum: CONSENT_METHODS }).notNull(),
    /** The consent text shown, or the request that set a ban: what Art. 7(1) asks us to show. */
    evidence: text('evidence').notNull(),
    /** When it took effect (e.g. a Mailchimp opt-in time); recordedAt is when it was entered. */
    effectiveAt: text('effective_at').notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
  },
  (t) => [
    index('consent_events_person').on(t.personId, t.subject, t.effectiveAt),
    // Events dated ahead of now (rare) are decided one by one in a list's count: found by range.
    index('consent_events_effective').on(t.effectiveAt),
  ],
);

export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').references(() => persons.id, { onDelete: 'cascade' }),
    /** Set when the person was anonymised: the order stays for statistics, unlinked from them. */
    anonymousId: integer('anonymous_id'),
    orderedOn: text('ordered_on').notNull(),
    description: text('description').notNull(),
    amountCents: integer('amount_cents').notNull(),
    invoiceStatus: text('invoice_status', { enum: INVOICE_STATUSES }).notNull(),
    createdAt: text('created_at').notNull(),
    /**
     * Set when the person was erased while the Accounting Act still keeps this order: the row stays,
     * unlinked, as a bookkeeping record until this day, and the scheduler purges it after.
     */
    keepUntil: text('keep_until'),
  },
  // invoice_status in the index: the retention holds (open invoice, collection, bookkeeping
  // period) are read from the index alone for each person swept.
  (t) => [
    index('orders_person').on(t.personId, t.orderedOn, t.invoiceStatus),
    index('orders_keep_until')
      .on(t.keepUntil)
      .where(sql`${t.keepUntil} IS NOT NULL`),
  ],
);

export const interests = sqliteTable(
  'interests',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.tag] }), index('interests_tag').on(t.tag)],
);

/** Feedback and contacts (asiakaspalautteet ja yhteydenotot). */
export const contactLog = sqliteTable(
  'contact_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    occurredOn: text('occurred_on').notNull(),
    channel: text('channel', { enum: CONTACT_CHANNELS }).notNull(),
    kind: text('kind', { enum: CONTACT_KINDS }).notNull(),
    summary: text('summary').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [
    index('contact_log_person').on(t.personId, t.occurredOn),
    // Undeliverable marks, found without reading every note (the text is UNDELIVERABLE_PREFIX's).
    index('contact_log_undeliverable')
      .on(t.personId)
      .where(sql`summary LIKE 'Mailchimp cleaned: %'`),
  ],
);

export const customFields = sqliteTable(
  'custom_fields',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    labelFi: text('label_fi').notNull(),
    labelEn: text('label_en').notNull(),
    type: text('type', { enum: CUSTOM_FIELD_TYPES }).notNull(),
    /** JSON array of choices for type 'choice'. */
    choices: text('choices').notNull().default('[]'),
    /** JSON array of the kinds whose persons have this field; '[]' = every kind. */
    kindKeys: text('kind_keys').notNull().default('[]'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('custom_fields_key_unique').on(t.key)],
);

export const customFieldValues = sqliteTable(
  'custom_field_values',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    fieldId: integer('field_id')
      .notNull()
      .references(() => customFields.id),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.fieldId] })],
);
