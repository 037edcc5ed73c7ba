// What an import would do: which rows create or merge into a person (conflicts decided by choice or
// policy, never silently), what is new, which rows are bad. The preview shows it; the run writes it.
import type { ReadableDb } from '../../db/open';
import type { ConsentChange } from '../consents';
import { planRow, planUnreadableRow, startPlan, type RowAt } from './plan-row';
import type { ImportedField, ImportedValues, RowCandidate, RowProblem, UndeliverableMark } from './rows';
import type { ReadableFile, Readings } from './reader';
import type { ConflictChoice, MatchRule } from './vocabulary';
import type { Language } from '../../../src-shared/language';

export type ConflictField = ImportedField | 'organization';

export interface Conflict {
  /** `<file number>:<line>:<field>`: what a choice names. */
  id: string;
  fileName: string;
  line: number;
  /** The register's person; null when the value came from an earlier line of this import. */
  personId: number | null;
  fromLine: number | null;
  personName: string;
  field: ConflictField;
  registerValue: string;
  fileValue: string;
}

export interface NewPerson {
  source: RowCandidate['source'];
  values: ImportedValues;
  organization: string | null;
  consents: ConsentChange[];
  interests: string[];
  undeliverable: UndeliverableMark[];
  activityOn: string | null;
}

export interface PersonUpdate {
  personId: number;
  changes: ImportedValues;
  /** Start representing this organization (ending the current link, as a move does). */
  moveTo: string | null;
  consents: ConsentChange[];
  interests: string[];
  undeliverable: UndeliverableMark[];
  activityOn: string | null;
}

export interface SampleRow {
  fileName: string;
  line: number;
  cells: Record<string, string>;
  values: ImportedValues | null;
  /** 'undecided': it matches a person and differs only where the user has not chosen yet. */
  action: 'create' | 'merge' | 'unchanged' | 'undecided' | 'skip';
  match: { rule: MatchRule; personId: number | null; fromLine: number | null } | null;
  problems: RowProblem[];
}

export interface ImportCounts {
  rows: number;
  created: number;
  merged: number;
  unchanged: number;
  /** Rows that would change their person only by a conflict not yet decided. */
  undecided: number;
  badRows: number;
  consentEvents: number;
  interests: number;
  undeliverable: number;
  conflicts: number;
}

export interface ImportPlan {
  creates: NewPerson[];
  updates: PersonUpdate[];
  problems: RowProblem[];
  conflicts: Conflict[];
  /** Conflicts neither a choice nor the policy decided. */
  unresolved: string[];
  sample: SampleRow[];
  counts: ImportCounts;
  /** The creates (by index) whose values or organization later rows changed after `onCreate` had them. */
  revisedCreates: number[];
  /** The creates whose only change by later rows is a later activity date. */
  redatedCreates: number[];
}

/** What the plan has found so far, as `onCreate` sees it. */
export interface PlanSoFar {
  readonly counts: Readonly<ImportCounts>;
  readonly unresolved: readonly string[];
}

/** A file to plan: its rows, and its name, headers and mapping in `reader`. */
export type PlannedFile = ReadableFile;

export interface PlanOptions {
  language: Language;
  /** The files' rows as read, in order (in this thread or in workers). */
  readings: Readings;
  decide: (conflict: Conflict) => ConflictChoice | undefined;
  sampleRows: number;
  /**
   * Called every PROGRESS_ROWS rows and at the end. Its promise is awaited: the caller's chance to
   * report progress and let the event loop run (an import of 100,000 rows takes seconds).
   */
  onRow?: (done: number, total: number) => void | Promise<void>;
  /**
   * Called as soon as a row is planned to create a person, in order, so the caller can write it
   * while later rows are still being read. A later row of the import may still change it: such
   * creates are listed in the plan's `revisedCreates`.
   */
  onCreate?: (person: NewPerson, soFar: PlanSoFar) => void;
}

/** Rows between progress reports (and pauses) while planning and writing. */
export const PROGRESS_ROWS = 1000;

/** Plans the files' rows one at a time, in order (see plan-row.ts for what a row does). */
export async function planImport(db: ReadableDb, files: PlannedFile[], options: PlanOptions): Promise<ImportPlan> {
  const state = startPlan(db, options);
  const { counts } = state;
  const total = files.reduce((sum, file) => sum + file.rows.length, 0);
  await options.onRow?.(0, total);
  for (const [fileIndex, file] of files.entries()) {
    const { fileName, headers } = file.reader;
    let at = 0;
    for await (const chunk of options.readings(fileIndex)) {
      for (const reading of chunk) {
        const source = file.rows[at];
        if (!source) throw new Error(`${fileName}: more readings than its ${file.rows.length} rows`);
        at += 1;
        counts.rows += 1;
        if (counts.rows % PROGRESS_ROWS === 0) await options.onRow?.(counts.rows, total);
        const row: RowAt = {
          fileIndex,
          fileName,
          line: source.line,
          headers,
          cells: source.cells,
          sampled: at <= options.sampleRows,
        };
        if (reading.ok) planRow(state, row, reading.candidate);
        else planUnreadableRow(state, row, reading.problems);
      }
    }
    if (at !== file.rows.length) {
      throw new Error(`${fileName}: ${at} readings for its ${file.rows.length} rows`);
    }
  }
  await options.onRow?.(counts.rows, total);
  const { revisedCreates, redatedCreates } = state;
  return {
    creates: state.creates,
    updates: [...state.updates.values()],
    problems: state.problems,
    conflicts: state.conflicts,
    unresolved: state.unresolved,
    sample: state.sample,
    counts,
    revisedCreates: [...revisedCreates].sort((a, b) => a - b),
    // A create revised whole is written with its last date too.
    redatedCreates: [...redatedCreates].filter((id) => !revisedCreates.has(id)).sort((a, b) => a - b),
  };
}
