// The drizzle schema of a register. drizzle-kit turns changes here into migrations/ (committed).
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const ROLES = ['owner', 'staff', 'readonly'] as const;
export type Role = (typeof ROLES)[number];

/** One row per person who may log in. Rows are never deleted, so the audit trail keeps its actors. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** ISO date (YYYY-MM-DD) the confidentiality agreement (salassapitositoumus) was signed. */
    confidentialitySignedOn: text('confidentiality_signed_on'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    deactivatedAt: text('deactivated_at'),
    passwordChangedAt: text('password_changed_at'),
  },
  (table) => [uniqueIndex('users_username_unique').on(table.username)],
);

/**
 * Append-only, hash-chained log of who did what to which record. Rows never hold personal data
 * of data subjects: only ids, so an erased person leaves no trace here (triggers in the migration
 * forbid UPDATE and DELETE).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorUserId: integer('actor_user_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** JSON object with ids and counts only. */
    details: text('details').notNull().default('{}'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_target').on(t.targetType, t.targetId)],
);

/** Register-wide settings as JSON values, validated by the settings service. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** Facts about the register file itself: its id (bound into the keyring) and creation time. */
export const registerInfo = sqliteTable('register_info', {
  id: integer('id').primaryKey(),
  registerId: text('register_id').notNull(),
  createdAt: text('created_at').notNull(),
  /**
   * When the register began to keep its own list of authorised keyring entries (keyringEntries);
   * null on a register made before that, whose list is adopted from its keyring at the next login.
   */
  keyringListedAt: text('keyring_listed_at'),
  /** When the audit head (core/audit/head.ts) was first written outside the database. */
  auditHeadSince: text('audit_head_since'),
});

/**
 * The keyring entries allowed to hold the database key: an entry in the keyring file that is not
 * listed here (someone who could write the file added it) is dropped at the next unlock or re-key.
 * A user has one entry, two only while a password change is under way; the recovery key has one.
 */
export const keyringEntries = sqliteTable('keyring_entries', {
  entryId: text('entry_id').primaryKey(),
  publicKey: text('public_key').notNull(),
  kind: text('kind', { enum: ['user', 'recovery'] }).notNull(),
  userId: integer('user_id').references(() => users.id),
  addedAt: text('added_at').notNull(),
});

/**
 * Every backup attempt: where it went, whether it verified, and which key version it carries (a
 * backup opens with the keyring entries it was made with: see core/backup/history.ts).
 */
export const backups = sqliteTable('backups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  folder: text('folder').notNull(),
  /** The manifest's file name; null when the backup failed. */
  manifestFile: text('manifest_file'),
  keyVersion: integer('key_version').notNull(),
  bytes: integer('bytes'),
  verified: integer('verified', { mode: 'boolean' }).notNull(),
  /** Error code of a failed attempt. */
  failure: text('failure'),
  /** JSON array of the display names of users whose password (as it was then) opens it. */
  openedBy: text('opened_by').notNull().default('[]'),
  byUserId: integer('by_user_id').references(() => users.id),
});
