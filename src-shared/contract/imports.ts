// Channels of imports and exports. Files travel as base64 with their names: the renderer reads
// what the user picks with <input type=file>, and takes an export's bytes back to save as a
// download, so no path ever crosses the boundary in either direction.
import { z } from 'zod';
import { CONSENT_SUBJECTS, type ConsentSubject } from '../vocabulary';
import { OWNER_ONLY, WRITERS, type Channel } from './base';
import { personQuery } from './register';
import { plainLine } from './fields';
import { listKey, requiredText } from './register-fields';
import { IMPORT_FIELDS } from '../person-fields';

export { IMPORT_FIELDS };

// The vocabulary of imports lives here, where the renderer can share it; core/imports re-exports it.

export const IMPORT_FORMATS = ['mailchimp', 'google-forms', 'csv'] as const;

/** Where a running import is: reading the files, checking rows against the register, writing. */
export const IMPORT_PHASES = ['reading', 'checking', 'writing'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * What a column can fill. `fullName` is split at the last space (Finnish order: first names, then
 * the surname); `organization` links the person to an organization of that name (created if there
 * is none); `interests` is a comma-separated list of tags; `timestamp` is when the row was written
 * (a form response), used for its consents and as the person's last activity.
 */
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * A column's meaning: a field, a consent question (answered = given, "ei"/"no" = refused), a
 * checkbox group whose ticked options each give a consent, or nothing.
 */
export type ColumnTarget =
  ImportField | 'ignore' | { consent: ConsentSubject } | { consentChoices: Record<string, ConsentSubject> };

/** Column header → its meaning. Columns not named here are ignored. */
export type ColumnMapping = Record<string, ColumnTarget>;

export const BAD_ROW_POLICIES = ['stop', 'skip'] as const;
export type BadRowPolicy = (typeof BAD_ROW_POLICIES)[number];

/** keep_register / take_file decide every conflict; choose = each one is decided by the caller. */
export const CONFLICT_POLICIES = ['keep_register', 'take_file', 'choose'] as const;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];
export type ConflictChoice = 'register' | 'file';

/** One file may be 50 MB; a zip may unpack to at most 200 MB (a zip bomb is refused). */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/**
 * The XML of an .xlsx may unpack to at most 64 MB: about 140,000 rows of ten columns. Near 100 MB
 * read-excel-file's parser runs out of stack after most of a minute and most of a gigabyte.
 */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_FILES = 10;

/** Why a row could not be imported as it is (errors), or what was done about it (warnings). */
export const ROW_PROBLEM_CODES = [
  'unreadable_file',
  'no_rows',
  'column_count',
  'invalid_value',
  'name_missing',
  'unidentifiable',
  'bad_time',
  'future_time',
  'ambiguous_match',
  'email_in_two_rows',
  'name_from_email',
  'restricted',
  'unknown_mailchimp_file',
  'address_unparsed',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

/** The contacts table's columns, by the ids its column picker uses: what a table export may hold. */
export const TABLE_COLUMNS = [
  'name',
  'organization',
  'email',
  'phone',
  'city',
  'kind',
  'status',
  'lastActivityOn',
  'informedOn',
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export const MATCH_RULES = ['email', 'phone', 'name_organization', 'name_address'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

const base64Of = (bytes: number) =>
  z
    .string()
    .max(Math.ceil(bytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

const importFile = z.object({ fileName: requiredText(255), base64: base64Of(MAX_IMPORT_FILE_BYTES) }).strict();

const consentSubject = z.enum(CONSENT_SUBJECTS);
export const columnTarget = z.union([
  z.enum([...IMPORT_FIELDS, 'ignore']),
  z.object({ consent: consentSubject }).strict(),
  z.object({ consentChoices: z.record(plainLine(z.string().max(500)), consentSubject) }).strict(),
]);
/** Column header → its meaning; the CLI's --mapping file is this object as JSON. */
export const columnMapping = z.record(plainLine(z.string().max(500)), columnTarget);

const importRequest = {
  format: z.enum(IMPORT_FORMATS),
  files: z.array(importFile).min(1).max(MAX_IMPORT_FILES),
  mapping: columnMapping.optional(),
  kindKey: listKey.optional(),
  sourceKey: listKey.optional(),
};

const rowProblem = z.object({
  fileName: z.string(),
  line: z.number().int().nullable(),
  code: z.enum(ROW_PROBLEM_CODES),
  column: z.string().optional(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

const counts = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  merged: z.number().int(),
  unchanged: z.number().int(),
  undecided: z.number().int(),
  badRows: z.number().int(),
  consentEvents: z.number().int(),
  interests: z.number().int(),
  undeliverable: z.number().int(),
  conflicts: z.number().int(),
});

const importedValues = z.record(z.string(), z.string());

const conflict = z.object({
  id: z.string(),
  fileName: z.string(),
  line: z.number().int(),
  personId: z.number().int().nullable(),
  fromLine: z.number().int().nullable(),
  personName: z.string(),
  field: z.string(),
  registerValue: z.string(),
  fileValue: z.string(),
});

/** Long lists are cut for the window; the counts tell how many there were. */
export const LISTED_PROBLEMS = 1000;
export const LISTED_CONFLICTS = 2000;

const channel = z.enum(['email', 'sms', 'phone', 'post']);
const exportedFile = z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string() });
const leftOut = z.object({ total: z.number().int(), reasons: z.record(z.string(), z.number().int()) });

/** A mailing list: whom (the table's search and filters), reached how and for what. */
const mailingRequest = z
  .object({
    channel,
    purpose: z.enum(['marketing', 'research', 'listing']),
    query: personQuery.pick({ text: true, filters: true }).optional(),
  })
  .strict();

export const importChannels = {
  /** What importing the files would do: tables, mapping, first rows with their problems, matches, conflicts. */
  'imports.preview': {
    input: z.object(importRequest).strict(),
    output: z.object({
      files: z.array(
        z.object({
          fileName: z.string(),
          kind: z.string(),
          encoding: z.string(),
          delimiter: z.string().nullable(),
          headers: z.array(z.string()),
          rows: z.number().int(),
          mapping: columnMapping,
        }),
      ),
      counts,
      problems: z.array(rowProblem),
      conflicts: z.array(conflict),
      sample: z.array(
        z.object({
          fileName: z.string(),
          line: z.number().int(),
          cells: z.record(z.string(), z.string()),
          values: importedValues.nullable(),
          action: z.enum(['create', 'merge', 'unchanged', 'undecided', 'skip']),
          match: z
            .object({
              rule: z.enum(MATCH_RULES),
              personId: z.number().int().nullable(),
              fromLine: z.number().int().nullable(),
            })
            .nullable(),
          problems: z.array(rowProblem),
        }),
      ),
    }),
    access: WRITERS,
  },
  /** Imports in one transaction; stops (changing nothing) on bad rows unless told to skip them. */
  'imports.run': {
    input: z
      .object({
        ...importRequest,
        badRows: z.enum(BAD_ROW_POLICIES),
        conflicts: z.enum(CONFLICT_POLICIES),
        choices: z.record(plainLine(z.string().max(100)), z.enum(['register', 'file'])).optional(),
      })
      .strict(),
    output: z.object({
      status: z.enum(['imported', 'stopped']),
      stoppedBecause: z.enum(['file_problems', 'bad_rows', 'unresolved_conflicts']).nullable(),
      counts,
      problems: z.array(rowProblem),
      unresolved: z.array(z.string()),
      /** The ids of the persons it created, first to last (contiguous). */
      created: z.object({ first: z.number().int(), last: z.number().int() }).nullable(),
    }),
    access: WRITERS,
  },
  /** Persons who may be contacted through the channel for the purpose today, as CSV for Mailchimp. */
  'exports.mailingList': {
    input: mailingRequest,
    output: z.object({ file: exportedFile, included: z.number().int(), leftOut }),
    access: WRITERS,
    exportsList: true,
  },
  /**
   * How many exports.mailingList would include and leave out (by reason), without making the list:
   * nothing leaves the register, so nothing is audited; who may not take lists out may not count them.
   */
  'exports.mailingCount': {
    input: mailingRequest,
    output: z.object({ included: z.number().int(), leftOut }),
    access: WRITERS,
    exportsList: true,
  },
  /** Address labels (A4, 3 × 8) for those who may be sent post and are not banned from lists. */
  'exports.labels': {
    input: z.object({ query: personQuery.pick({ text: true, filters: true }).optional() }).strict(),
    output: z.object({ file: exportedFile, included: z.number().int(), leftOut }),
    access: WRITERS,
    exportsList: true,
  },
  /** The contacts table's current view (search, filters, sort) as CSV or XLSX, for the owner's own use. */
  'exports.table': {
    input: z
      .object({
        query: personQuery.omit({ offset: true, limit: true, after: true, count: true }),
        format: z.enum(['csv', 'xlsx']),
        /** The columns the table shows; the name and the restriction marker always go along. */
        columns: z.array(z.enum(TABLE_COLUMNS)).max(TABLE_COLUMNS.length).optional(),
      })
      .strict(),
    output: z.object({ file: exportedFile, rows: z.number().int() }),
    access: OWNER_ONLY,
  },
} as const satisfies Record<string, Channel>;
