// Retention: the policies the owner picks from the notices, holds that block deletion, and the
// tombstones that are all that remains of a deleted person.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './schema';
import { persons } from './schema-register';
import {
  PERIOD_UNITS,
  RETENTION_ACTIONS,
  RETENTION_MODES,
  RETENTION_POLICY_KINDS,
  RETENTION_RULES,
} from '../../src-shared/vocabulary';

/**
 * A retention rule as data. 'enforced' policies make persons of their kinds due a period after the
 * rule's start date; 'stated' ones are the owner's own words, printed in the notice and never run.
 */
export const retentionPolicies = sqliteTable(
  'retention_policies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stable name for the CLI, presets and audit; the rule name for the four built-in policies. */
    key: text('key').notNull(),
    kind: text('kind', { enum: RETENTION_POLICY_KINDS }).notNull().default('enforced'),
    /** Null for a stated rule. */
    rule: text('rule', { enum: RETENTION_RULES }),
    periodAmount: integer('period_amount'),
    periodUnit: text('period_unit', { enum: PERIOD_UNITS }),
    /** JSON array of relationship kind keys; [] = every kind. */
    kindKeys: text('kind_keys').notNull().default('[]'),
    action: text('action', { enum: RETENTION_ACTIONS }).notNull().default('delete'),
    mode: text('mode', { enum: RETENTION_MODES }).notNull().default('review'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** A stated rule's words as the notice prints them. */
    textFi: text('text_fi'),
    textEn: text('text_en'),
  },
  (t) => [uniqueIndex('retention_policies_key_unique').on(t.key)],
);

/** A manual hold (with a reason) or a postponement from the review page; until null = open-ended. */
export const retentionHolds = sqliteTable(
  'retention_holds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['manual', 'postponed'] }).notNull(),
    reason: text('reason').notNull(),
    until: text('until'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [index('retention_holds_person').on(t.personId)],
);

/** What is left of a deleted or anonymised person: no personal data, only what happened. */
export const tombstones = sqliteTable('tombstones', {
  personId: integer('person_id').primaryKey(),
  /** The random id that left the register in exports and backups, for the erasure ledger. */
  personUid: text('person_uid').notNull(),
  action: text('action', { enum: RETENTION_ACTIONS }).notNull(),
  at: text('at').notNull(),
  /** The retention rule, or 'request' for an erasure request. */
  reason: text('reason').notNull(),
  byUserId: integer('by_user_id').references(() => users.id),
  /** JSON object: rows removed per table. */
  counts: text('counts').notNull(),
});

/** What statistics keep of an anonymised person: coarse, and not linkable back. */
export const anonymisedPersons = sqliteTable('anonymised_persons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  birthDecade: integer('birth_decade'),
  postalArea: text('postal_area'),
  kindKey: text('kind_key').notNull(),
  anonymisedOn: text('anonymised_on').notNull(),
});
