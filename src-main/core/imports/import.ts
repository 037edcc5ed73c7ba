// An import from start to end: the files as tables, each with the mapping its format implies (or
// the caller's), the plan, and then either the preview of it or the run: one transaction, all or
// nothing, audited with the files' hashes and counts (never a file name: it may name a person).
import { DEFAULT_CACHE_KIB, setCacheSize } from '../../db/open';
import { WRITE_ROLES } from '../persons';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { fileTrail, sha256Hex } from '../written-files';
import { startImportWriter, type CreatedRange } from './apply';
import { readTables, type ImportFile } from './files';
import {
  mailchimpMapping,
  type MailchimpFileStatus,
  mailchimpStatusOfColumns,
  mailchimpStatusOfFile,
  STATUS_COLUMNS,
} from './mailchimp';
import { suggestMapping } from './mapping';
import {
  planImport,
  PROGRESS_ROWS,
  type Conflict,
  type ImportCounts,
  type ImportPlan,
  type PlannedFile,
  type PlanSoFar,
  type SampleRow,
} from './plan';
import { emptyCounts } from './plan-row';
import { readThreads, startReadPool, type ReadPool } from './read-in-workers';
import { readingsInThread, type Readings } from './reader';
import type { RowProblem } from './rows';
import { UnreadableFileError, type SourceTable } from './table';
import { problemText, unreadableReasonText } from './texts';
import type {
  BadRowPolicy,
  ColumnMapping,
  ConflictChoice,
  ConflictPolicy,
  ImportFormat,
  ImportPhase,
} from './vocabulary';
import type { Language } from '../../../src-shared/language';

export interface ImportRequest {
  format: ImportFormat;
  files: ImportFile[];
  /** Header → meaning; headers not named keep the suggestion. */
  mapping?: ColumnMapping;
  kindKey?: string;
  sourceKey?: string;
}

export interface ImportDecisions {
  badRows: BadRowPolicy;
  conflicts: ConflictPolicy;
  /** Per conflict id, for the policy 'choose' (and over the others). */
  choices?: Record<string, ConflictChoice>;
}

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}
export type ProgressCallback = (progress: ImportProgress) => void;

/**
 * Reports progress, then lets the event loop run once (setImmediate), so the report reaches the
 * window and the app stays responsive; the import's transaction stays open meanwhile.
 */
function reporter(onProgress: ProgressCallback | undefined, phase: ImportPhase) {
  return (done: number, total: number) => {
    onProgress?.({ phase, done, total });
    return new Promise<void>((resolve) => setImmediate(resolve));
  };
}

export interface FileSummary {
  fileName: string;
  /** 'table', or the Mailchimp status the file name (else its columns) says. */
  kind: 'table' | MailchimpFileStatus | 'unknown';
  encoding: SourceTable['encoding'];
  delimiter: SourceTable['delimiter'];
  headers: string[];
  rows: number;
  mapping: ColumnMapping;
}

export interface ImportPreview {
  files: FileSummary[];
  counts: ImportCounts;
  problems: RowProblem[];
  conflicts: Conflict[];
  sample: SampleRow[];
}

export interface ImportOutcome {
  status: 'imported' | 'stopped';
  stoppedBecause: 'file_problems' | 'bad_rows' | 'unresolved_conflicts' | null;
  counts: ImportCounts;
  problems: RowProblem[];
  unresolved: string[];
  /** The persons it created (contiguous ids), for telling them about the register as one batch. */
  created: CreatedRange | null;
}

const DEFAULTS: Record<ImportFormat, { kindKey: string; sourceKey: string }> = {
  mailchimp: { kindKey: 'prospect', sourceKey: 'newsletter' },
  'google-forms': { kindKey: 'prospect', sourceKey: 'signup_form' },
  csv: { kindKey: 'customer', sourceKey: 'import' },
};

/** Rows from which a larger page cache pays: index pages all over the file stay in memory until commit. */
const LARGE_IMPORT_ROWS = 10_000;
const LARGE_IMPORT_CACHE_KIB = 512 * 1024;
export const SAMPLE_ROWS = 20;
/** Rows from which they are read in worker threads: for fewer, starting the workers costs more. */
const WORKER_READ_ROWS = 5_000;
/** Bytes of files from which the workers are started before reading them (about 2,500 rows). */
const WORKER_READ_BYTES = 256 * 1024;

export interface PreparedImport {
  files: PlannedFile[];
  summaries: FileSummary[];
  fileProblems: RowProblem[];
}

function fileProblem(language: Language, fileName: string, line: number | null, detail: string): RowProblem {
  return {
    fileName,
    line,
    code: 'unreadable_file',
    message: problemText(language, 'unreadable_file', { detail }),
    severity: 'error',
  };
}

/** The files as tables, each with its mapping and how its rows are read; problems that stop it all. */
export async function prepareImport(request: ImportRequest, language: Language, now: string): Promise<PreparedImport> {
  let tables: SourceTable[];
  try {
    tables = await readTables(request.files);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return {
      files: [],
      summaries: [],
      fileProblems: [fileProblem(language, error.fileName, error.line, unreadableReasonText(language, error.reason))],
    };
  }
  const fileProblems: RowProblem[] = [];
  const files: PlannedFile[] = [];
  const summaries: FileSummary[] = [];
  tables.forEach((table, fileIndex) => {
    const mailchimp = request.format === 'mailchimp';
    const status = mailchimp
      ? (mailchimpStatusOfFile(table.fileName) ?? mailchimpStatusOfColumns(table.headers))
      : null;
    const hasStatusColumn = table.headers.some((h) => STATUS_COLUMNS.includes(h));
    if (mailchimp && !status && !hasStatusColumn) {
      fileProblems.push({
        fileName: table.fileName,
        line: null,
        code: 'unknown_mailchimp_file',
        message: problemText(language, 'unknown_mailchimp_file'),
        severity: 'error',
      });
    }
    const mapping = mailchimp
      ? mailchimpMapping(table.headers, request.mapping)
      : {
          ...suggestMapping(
            table.headers,
            table.rows.map((row) => row.cells),
          ),
          ...pick(request.mapping, table.headers),
        };
    files.push({
      rows: table.rows,
      reader: {
        fileIndex,
        fileName: table.fileName,
        headers: table.headers,
        mapping,
        context: { language, zone: mailchimp ? 'UTC' : 'Europe/Helsinki', now },
        mailchimpStatus: mailchimp ? (status ?? 'nonsubscribed') : null,
      },
    });
    summaries.push({
      fileName: table.fileName,
      kind: mailchimp ? (status ?? 'unknown') : 'table',
      encoding: table.encoding,
      delimiter: table.delimiter,
      headers: table.headers,
      rows: table.rows.length,
      mapping,
    });
  });
  if (tables.length > 0 && tables.every((table) => table.rows.length === 0) && fileProblems.length === 0) {
    fileProblems.push({
      fileName: tables[0]!.fileName,
      line: null,
      code: 'no_rows',
      message: problemText(language, 'no_rows'),
      severity: 'error',
    });
  }
  return { files, summaries, fileProblems };
}

const pick = (mapping: ColumnMapping | undefined, headers: string[]): ColumnMapping =>
  Object.fromEntries(Object.entries(mapping ?? {}).filter(([header]) => headers.includes(header)));

/** The files as the audit log knows them: count and hashes; a file's name may name a person. */
const auditedFiles = (request: ImportRequest) => fileTrail(request.files.map((file) => sha256Hex(file.bytes)));

/**
 * Worker threads to read a large import's rows with, started before the files are read so they
 * load meanwhile; null for a small one. Close the pool when the plan is made.
 */
function readPoolFor(request: ImportRequest, thisThreadWrites: boolean): ReadPool | null {
  const bytes = request.files.reduce((sum, file) => sum + file.bytes.length, 0);
  const threads = readThreads(thisThreadWrites);
  return bytes >= WORKER_READ_BYTES && threads > 0 ? startReadPool(threads) : null;
}

/** The files' rows as planImport reads them: in the pool's workers if there are many. */
function readingsOf(pool: ReadPool | null, files: PlannedFile[]): Readings {
  const rows = files.reduce((sum, file) => sum + file.rows.length, 0);
  return pool && rows >= WORKER_READ_ROWS ? pool.read(files, PROGRESS_ROWS) : readingsInThread(files, PROGRESS_ROWS);
}

/** Each conflict's choice: its own, else the policy's ('choose' leaves it undecided). */
function decider(decisions: Pick<ImportDecisions, 'conflicts' | 'choices'>) {
  return (conflict: Conflict): ConflictChoice | undefined =>
    decisions.choices?.[conflict.id] ??
    (decisions.conflicts === 'keep_register' ? 'register' : decisions.conflicts === 'take_file' ? 'file' : undefined);
}

/**
 * What importing these files would do; reads the register, changes nothing (the view is audited).
 * Conflicts stay undecided unless a policy is given (the CLI's dry run with --conflicts).
 */
export async function previewImport(
  register: UnlockedRegister,
  request: ImportRequest,
  language: Language,
  onProgress?: ProgressCallback,
  conflicts: ConflictPolicy = 'choose',
): Promise<ImportPreview> {
  assertRole(register, ...WRITE_ROLES);
  const now = register.deps.clock.now().toISOString();
  onProgress?.({ phase: 'reading', done: 0, total: request.files.length });
  const pool = readPoolFor(request, false);
  let prepared: PreparedImport;
  let plan: ImportPlan;
  try {
    prepared = await prepareImport(request, language, now);
    plan = await planImport(register.db, prepared.files, {
      language,
      readings: readingsOf(pool, prepared.files),
      decide: decider({ conflicts }),
      sampleRows: SAMPLE_ROWS,
      onRow: reporter(onProgress, 'checking'),
    });
  } finally {
    await pool?.close();
  }
  register.audit({
    action: 'import.previewed',
    details: {
      format: request.format,
      ...auditedFiles(request),
      rows: plan.counts.rows,
      matched: plan.counts.merged + plan.counts.unchanged,
    },
  });
  return {
    files: prepared.summaries,
    counts: plan.counts,
    problems: [...prepared.fileProblems, ...plan.problems],
    conflicts: plan.conflicts,
    sample: plan.sample,
  };
}

/** A plan that must not be written, and why; thrown inside the transaction so it rolls back. */
class StopImport extends Error {
  constructor(
    readonly because: NonNullable<ImportOutcome['stoppedBecause']>,
    readonly plan: ImportPlan | null,
  ) {
    super(because);
  }
}

/**
 * Imports the files in one transaction. Bad rows stop it (nothing is written) or are skipped, as
 * `decisions.badRows` says; a conflict is decided by its choice or the policy, and with the
 * policy 'choose' an undecided one stops the import.
 */
export async function runImport(
  register: UnlockedRegister,
  request: ImportRequest,
  decisions: ImportDecisions,
  language: Language,
  onProgress?: ProgressCallback,
): Promise<ImportOutcome> {
  assertRole(register, ...WRITE_ROLES);
  const now = register.deps.clock.now().toISOString();
  const defaults = DEFAULTS[request.format];
  onProgress?.({ phase: 'reading', done: 0, total: request.files.length });
  const pool = readPoolFor(request, true);
  let large = false;
  let prepared: PreparedImport | undefined;
  try {
    prepared = await prepareImport(request, language, now);
    const { files, fileProblems } = prepared;
    const decide = decider(decisions);
    const rows = files.reduce((sum, file) => sum + file.rows.length, 0);
    large = rows >= LARGE_IMPORT_ROWS;
    if (large) setCacheSize(register.db, LARGE_IMPORT_CACHE_KIB);
    const write = () =>
      register.transactionWithPauses(async (db) => {
        if (fileProblems.length > 0) throw new StopImport('file_problems', null);
        // An unknown kind or source key fails here, before a row is checked, and changes nothing.
        const writer = startImportWriter(register, db, {
          kindKey: request.kindKey ?? defaults.kindKey,
          sourceKey: request.sourceKey ?? defaults.sourceKey,
        });
        const stopsBecause = (soFar: PlanSoFar) =>
          soFar.counts.badRows > 0 && decisions.badRows === 'stop'
            ? 'bad_rows'
            : soFar.unresolved.length > 0
              ? 'unresolved_conflicts'
              : null;
        const plan = await planImport(register.db, files, {
          language,
          readings: readingsOf(pool, files),
          decide,
          sampleRows: 0,
          onRow: reporter(onProgress, 'checking'),
          // New persons are written while the rows after them are read; once the import is bound
          // to stop, writing more is wasted (the transaction rolls back), but the checking goes
          // on so that every bad row and conflict is reported.
          onCreate: (person, soFar) => {
            if (!stopsBecause(soFar)) writer.create(person);
          },
        });
        await pool?.close(); // every row is read: the workers need not wait for the writing to end
        const because = stopsBecause(plan);
        if (because) throw new StopImport(because, plan);
        const created = await writer.finish(plan, reporter(onProgress, 'writing'));
        register.audit({
          action: 'import.run',
          details: { format: request.format, ...auditedFiles(request), ...plan.counts },
        });
        return { plan, created };
      });
    // A large import's pages are copied from the WAL into the file in a worker once it is committed.
    const { plan, created } = large ? await register.checkpointingInBackground(write) : await write();
    return {
      status: 'imported',
      stoppedBecause: null,
      counts: plan.counts,
      problems: plan.problems,
      unresolved: [],
      created,
    };
  } catch (error) {
    if (!(error instanceof StopImport)) throw error;
    const counts = error.plan?.counts ?? emptyCounts();
    // Outside the rolled-back transaction: the attempt itself is on record.
    register.audit({
      action: 'import.stopped',
      details: {
        format: request.format,
        ...auditedFiles(request),
        because: error.because,
        rows: counts.rows,
        badRows: counts.badRows,
      },
    });
    return {
      status: 'stopped',
      stoppedBecause: error.because,
      counts,
      problems: [...(prepared?.fileProblems ?? []), ...(error.plan?.problems ?? [])],
      unresolved: error.plan?.unresolved ?? [],
      created: null,
    };
  } finally {
    await pool?.close();
    if (large) setCacheSize(register.db, DEFAULT_CACHE_KIB);
  }
}
