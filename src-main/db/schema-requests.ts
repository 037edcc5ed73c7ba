// Data-subject requests: what was asked, by whom, about whom, and how it was answered.
// The persons a request concerns are kept by id without a foreign key, so the request (and the
// proof that it was answered) outlives an erasure; erasing a person redacts the requester's
// identity from their requests (core/requests/redact.ts), so nothing personal stays behind.
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './schema';
import { LANGUAGES } from '../../src-shared/language';
import { REQUEST_CHANNELS, REQUEST_STATUSES, REQUEST_TYPES, VERIFICATION_MEANS } from '../../src-shared/vocabulary';

export const requests = sqliteTable(
  'requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type', { enum: REQUEST_TYPES }).notNull(),
    receivedOn: text('received_on').notNull(),
    channel: text('channel', { enum: REQUEST_CHANNELS }).notNull(),
    language: text('language', { enum: LANGUAGES }).notNull(),
    requesterName: text('requester_name').notNull(),
    requesterContact: text('requester_contact').notNull(),
    /**
     * Ticked on receipt by versions before 0016, when a signature was wrongly demanded; new rows
     * write false and record how the identity was confirmed in verifiedMeans instead.
     */
    signed: integer('signed', { mode: 'boolean' }).notNull(),
    body: text('body').notNull().default(''),
    /** One month from receipt (GDPR Art. 12(3)). */
    dueOn: text('due_on').notNull(),
    /** Up to two further months, with the reason and the day the person was told. */
    extendedTo: text('extended_to'),
    extensionReason: text('extension_reason'),
    extensionToldOn: text('extension_told_on'),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('received'),
    verifiedOn: text('verified_on'),
    verifiedMeans: text('verified_means', { enum: VERIFICATION_MEANS }),
    /** A free note on the verification; required when the means is 'other'. */
    verifiedHow: text('verified_how'),
    verifiedBy: integer('verified_by').references(() => users.id),
    /** Type-specific details as JSON: a rectification's changes, an objection's bans. */
    details: text('details').notNull().default('{}'),
    /** Completion note, or the reason for refusing (printed on the certificate). */
    outcome: text('outcome'),
    refusedInPart: integer('refused_in_part', { mode: 'boolean' }).notNull().default(false),
    closedOn: text('closed_on'),
    closedBy: integer('closed_by').references(() => users.id),
    /** Set when the requester's identity was removed because the person was erased. */
    redactedAt: text('redacted_at'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [index('requests_status_due').on(t.status, t.dueOn)],
);

/** Which persons a request concerns: matched with suggestions, confirmed by a human. */
export const requestSubjects = sqliteTable(
  'request_subjects',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    personId: integer('person_id').notNull(),
    confirmedAt: text('confirmed_at').notNull(),
    confirmedBy: integer('confirmed_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.personId] }), index('request_subjects_person').on(t.personId)],
);

/** A scanned letter or other file that came with the request, kept inside the encrypted register. */
export const requestAttachments = sqliteTable('request_attachments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  requestId: integer('request_id')
    .notNull()
    .references(() => requests.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  content: blob('content', { mode: 'buffer' }).notNull(),
  addedAt: text('added_at').notNull(),
});

/** Whom a rectification (or erasure, restriction) must be passed on to (Art. 19), and when it was. */
export const requestRecipients = sqliteTable(
  'request_recipients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    recipient: text('recipient').notNull(),
    toldOn: text('told_on'),
  },
  (t) => [index('request_recipients_request').on(t.requestId)],
);
