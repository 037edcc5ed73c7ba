// What an import would do: which rows create a person, which merge into one (and where a file value
// differs from the register's: a conflict, decided by the caller's choice or policy, never
// silently), which consents, interests and marks are new, and which rows are bad. The preview
// shows this plan; the run writes it in one transaction, its new persons as they are decided
// (`onCreate`) and the rest once the last row is planned.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ReadableDb } from '../../db/open';
import { consentEvents, contactLog, employments, interests, organizations, persons } from '../../db/schema-register';
import type { ConsentChange } from '../consents';
import { Matcher, type Target } from './match';
import { matchKeys, textKey } from './match-keys';
import {
  PERSON_FIELDS,
  type ImportedField,
  type ImportedValues,
  type RowCandidate,
  type RowProblem,
  type UndeliverableMark,
} from './rows';
import type { ReadableFile, Readings } from './reader';
import { problemText } from './texts';
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

type RowSample = Omit<SampleRow, 'fileName' | 'line' | 'cells'>;
const skipSample = (_row: RowSample) => undefined;
const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** Rows between progress reports (and pauses) while planning and writing. */
export const PROGRESS_ROWS = 1000;

type Current = Record<ImportedField, string | null> & { name: string; organizations: string[]; restricted: boolean };

const same = (field: ImportedField, a: string, b: string) => (field === 'phone' ? a === b : textKey(a) === textKey(b));

/** Reads the register's side of a matched person once, then follows what earlier rows changed. */
function registerSide(db: ReadableDb) {
  const person = db
    .select({
      firstName: persons.firstName,
      lastName: persons.lastName,
      email: persons.email,
      phone: persons.phone,
      jobTitle: persons.jobTitle,
      street: persons.street,
      postalCode: persons.postalCode,
      city: persons.city,
      country: persons.country,
      birthDate: persons.birthDate,
      www: persons.www,
      notes: persons.notes,
      language: persons.language,
      restricted: persons.restricted,
    } satisfies Record<ImportedField | 'restricted', unknown>)
    .from(persons)
    .where(eq(persons.id, sql.placeholder('id')))
    .prepare();
  const links = db
    .select({ name: organizations.name })
    .from(employments)
    .innerJoin(organizations, eq(organizations.id, employments.organizationId))
    .where(and(eq(employments.personId, sql.placeholder('id')), isNull(employments.endedOn)))
    .prepare();
  return (id: number): Current => {
    const row = person.get({ id });
    if (!row) throw new Error(`person ${id} vanished during the import`);
    const { restricted, ...values } = row;
    return {
      ...values,
      name: `${row.firstName} ${row.lastName}`,
      organizations: links.all({ id }).map((link) => link.name),
      restricted,
    };
  };
}

/** Whether the register already holds an event, tag or mark, so that a re-import adds nothing. */
function alreadyRecorded(db: ReadableDb) {
  const consent = db
    .select({ id: consentEvents.id })
    .from(consentEvents)
    .where(
      and(
        eq(consentEvents.personId, sql.placeholder('personId')),
        eq(consentEvents.subject, sql.placeholder('subject')),
        eq(consentEvents.granted, sql.placeholder('granted')),
        eq(consentEvents.effectiveAt, sql.placeholder('effectiveAt')),
      ),
    )
    .prepare();
  const tag = db
    .select({ tag: interests.tag })
    .from(interests)
    .where(and(eq(interests.personId, sql.placeholder('personId')), eq(interests.tag, sql.placeholder('tag'))))
    .prepare();
  const mark = db
    .select({ id: contactLog.id })
    .from(contactLog)
    .where(
      and(eq(contactLog.personId, sql.placeholder('personId')), eq(contactLog.summary, sql.placeholder('summary'))),
    )
    .prepare();
  return {
    consent: (personId: number, c: ConsentChange) =>
      consent.get({ personId, subject: c.subject, granted: c.granted ? 1 : 0, effectiveAt: c.effectiveAt }) !==
      undefined,
    tag: (personId: number, value: string) => tag.get({ personId, tag: value }) !== undefined,
    mark: (personId: number, summary: string) => mark.get({ personId, summary }) !== undefined,
  };
}

export async function planImport(db: ReadableDb, files: PlannedFile[], options: PlanOptions): Promise<ImportPlan> {
  const matcher = new Matcher(db);
  const current = registerSide(db);
  const recorded = alreadyRecorded(db);
  const creates: NewPerson[] = [];
  const updates = new Map<number, PersonUpdate>();
  const snapshots = new Map<string, Current>();
  const seenEvents = new Set<string>();
  const problems: RowProblem[] = [];
  const conflicts: Conflict[] = [];
  const unresolved: string[] = [];
  const revisedCreates = new Set<number>();
  const redatedCreates = new Set<number>();
  const sample: SampleRow[] = [];
  const counts: ImportCounts = {
    rows: 0,
    created: 0,
    merged: 0,
    unchanged: 0,
    undecided: 0,
    badRows: 0,
    consentEvents: 0,
    interests: 0,
    undeliverable: 0,
    conflicts: 0,
  };
  const total = files.reduce((sum, file) => sum + file.rows.length, 0);

  const key = (target: Target) => (target.kind === 'existing' ? `p${target.personId}` : `n${target.pendingId}`);
  // Read when a row matches: a person created by this import is seen as its first row left it.
  const snapshotOf = (target: Target): Current => {
    const k = key(target);
    let snapshot = snapshots.get(k);
    if (!snapshot) {
      snapshot = target.kind === 'existing' ? current(target.personId) : pendingSnapshot(creates[target.pendingId]!);
      snapshots.set(k, snapshot);
    }
    return snapshot;
  };

  await options.onRow?.(0, total);
  for (const [fileIndex, file] of files.entries()) {
    const { fileName, headers } = file.reader;
    let at = 0;
    for await (const chunk of options.readings(fileIndex)) {
      for (const reading of chunk) {
        const source = file.rows[at];
        if (!source) throw new Error(`${fileName}: more readings than its ${file.rows.length} rows`);
        const { line, cells } = source;
        at += 1;
        counts.rows += 1;
        if (counts.rows % PROGRESS_ROWS === 0) await options.onRow?.(counts.rows, total);
        const keepSample = at <= options.sampleRows;
        // A function made only for the rows sampled: one made per row costs at 100,000 rows.
        const sampleRow = keepSample
          ? (row: RowSample) => {
              sample.push({
                fileName,
                line,
                cells: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])),
                ...row,
              });
            }
          : skipSample;
        if (!reading.ok) {
          counts.badRows += 1;
          problems.push(...reading.problems);
          sampleRow({ values: null, action: 'skip', match: null, problems: reading.problems });
          continue;
        }
        const candidate = reading.candidate;
        problems.push(...candidate.warnings);
        const match = matcher.find(candidate.values, candidate.keys, !candidate.nameFromEmail);
        if (!match.found) {
          if (match.ambiguous) {
            const problem: RowProblem = {
              fileName,
              line,
              code: 'ambiguous_match',
              message: problemText(options.language, 'ambiguous_match', { rule: match.ambiguous }),
              severity: 'error',
            };
            counts.badRows += 1;
            problems.push(problem);
            sampleRow({
              values: candidate.values,
              action: 'skip',
              match: null,
              problems: [problem, ...candidate.warnings],
            });
            continue;
          }
          const target: Target = { kind: 'new', pendingId: creates.length };
          const events = newEvents(key(target), candidate.consents, seenEvents, () => false);
          for (const tag of candidate.interests) seenEvents.add(`${key(target)}|tag|${textKey(tag)}`);
          if (candidate.undeliverable) seenEvents.add(`${key(target)}|mark|${candidate.undeliverable.summary}`);
          const person: NewPerson = {
            source: candidate.source,
            values: { ...candidate.values },
            organization: candidate.organization,
            consents: events,
            interests: candidate.interests,
            undeliverable: candidate.undeliverable ? [candidate.undeliverable] : [],
            activityOn: candidate.activityOn,
          };
          creates.push(person);
          matcher.remember(target, candidate.keys);
          counts.created += 1;
          options.onCreate?.(person, { counts, unresolved });
          counts.consentEvents += events.length;
          counts.interests += candidate.interests.length;
          counts.undeliverable += candidate.undeliverable ? 1 : 0;
          sampleRow({ values: candidate.values, action: 'create', match: null, problems: candidate.warnings });
          continue;
        }

        const target = match.target;
        const snapshot = snapshotOf(target);
        const pendingId = target.kind === 'new' ? target.pendingId : null;
        const pending = pendingId === null ? null : creates[pendingId]!;
        const personId = target.kind === 'existing' ? target.personId : null;
        const fromLine = pending ? pending.source.line : null;
        const changes: ImportedValues = {};
        let moveTo: string | null = null;
        const rowWarnings = [...candidate.warnings];
        let waitsForChoice = false;

        const decideConflict = (field: ConflictField, registerValue: string, fileValue: string): boolean => {
          const conflict: Conflict = {
            id: `${fileIndex}:${line}:${field}`,
            fileName,
            line,
            personId,
            fromLine,
            personName: snapshot.name,
            field,
            registerValue,
            fileValue,
          };
          conflicts.push(conflict);
          counts.conflicts += 1;
          const choice = options.decide(conflict);
          if (choice === undefined) {
            unresolved.push(conflict.id);
            waitsForChoice = true;
          }
          return choice === 'file';
        };

        if (snapshot.restricted) {
          rowWarnings.push({
            fileName,
            line,
            code: 'restricted',
            message: problemText(options.language, 'restricted'),
            severity: 'warning',
          });
          problems.push(rowWarnings.at(-1)!);
        } else {
          for (const field of PERSON_FIELDS) {
            const incoming = candidate.values[field];
            if (incoming === undefined || incoming === null) continue;
            if (candidate.nameFromEmail && (field === 'firstName' || field === 'lastName')) continue;
            const have = snapshot[field];
            if (have === null || have === '') changes[field] = incoming as never;
            else if (!same(field, have, String(incoming)) && decideConflict(field, have, String(incoming))) {
              changes[field] = incoming as never;
            }
          }
          if (
            candidate.organization &&
            !snapshot.organizations.some((name) => textKey(name) === textKey(candidate.organization))
          ) {
            const currentName = snapshot.organizations.join(', ');
            if (currentName === '' || decideConflict('organization', currentName, candidate.organization)) {
              moveTo = candidate.organization;
            }
          }
        }

        const events = newEvents(
          key(target),
          snapshot.restricted
            ? candidate.consents.filter((c) => c.subject.startsWith('ban_') && c.granted)
            : candidate.consents,
          seenEvents,
          (c) => personId !== null && recorded.consent(personId, c),
        );
        const tags = snapshot.restricted
          ? []
          : candidate.interests.filter((tag) => {
              const k = `${key(target)}|tag|${textKey(tag)}`;
              if (seenEvents.has(k) || (personId !== null && recorded.tag(personId, tag))) return false;
              seenEvents.add(k);
              return true;
            });
        const mark =
          candidate.undeliverable &&
          !snapshot.restricted &&
          !seenEvents.has(`${key(target)}|mark|${candidate.undeliverable.summary}`) &&
          !(personId !== null && recorded.mark(personId, candidate.undeliverable.summary))
            ? candidate.undeliverable
            : null;
        if (mark) seenEvents.add(`${key(target)}|mark|${mark.summary}`);

        Object.assign(snapshot, changes);
        if (moveTo) snapshot.organizations = [moveTo];
        if (pending && pendingId !== null) {
          const activityOn = later(pending.activityOn, candidate.activityOn);
          if (Object.keys(changes).length > 0 || moveTo) revisedCreates.add(pendingId);
          else if (activityOn !== pending.activityOn) redatedCreates.add(pendingId);
          Object.assign(pending.values, changes);
          if (moveTo) pending.organization = moveTo;
          pending.consents.push(...events);
          pending.interests.push(...tags);
          if (mark) pending.undeliverable.push(mark);
          pending.activityOn = activityOn;
        } else if (personId !== null) {
          const update = updates.get(personId) ?? {
            personId,
            changes: {},
            moveTo: null,
            consents: [],
            interests: [],
            undeliverable: [],
            activityOn: null,
          };
          Object.assign(update.changes, changes);
          update.moveTo = moveTo ?? update.moveTo;
          update.consents.push(...events);
          update.interests.push(...tags);
          if (mark) update.undeliverable.push(mark);
          update.activityOn = later(update.activityOn, candidate.activityOn);
          updates.set(personId, update);
        }
        matcher.remember(
          target,
          Object.keys(changes).length > 0 || moveTo
            ? matchKeys({ ...candidate.values, ...changes }, moveTo ?? candidate.organization)
            : candidate.keys,
        );
        const changed =
          Object.keys(changes).length > 0 || moveTo !== null || events.length + tags.length > 0 || mark !== null;
        const outcome = changed ? 'merged' : waitsForChoice ? 'undecided' : 'unchanged';
        counts[outcome] += 1;
        counts.consentEvents += events.length;
        counts.interests += tags.length;
        counts.undeliverable += mark ? 1 : 0;
        sampleRow({
          values: candidate.values,
          action: outcome === 'merged' ? 'merge' : outcome,
          match: { rule: match.rule, personId, fromLine },
          problems: rowWarnings,
        });
      }
    }
    if (at !== file.rows.length) {
      throw new Error(`${fileName}: ${at} readings for its ${file.rows.length} rows`);
    }
  }
  await options.onRow?.(counts.rows, total);
  return {
    creates,
    updates: [...updates.values()],
    problems,
    conflicts,
    unresolved,
    sample,
    counts,
    revisedCreates: [...revisedCreates].sort((a, b) => a - b),
    // A create revised whole is written with its last date too.
    redatedCreates: [...redatedCreates].filter((id) => !revisedCreates.has(id)).sort((a, b) => a - b),
  };
}

function pendingSnapshot(pending: NewPerson): Current {
  const values = Object.fromEntries(PERSON_FIELDS.map((f) => [f, pending.values[f] ?? null]));
  return {
    ...(values as Record<ImportedField, string | null>),
    name: `${pending.values.firstName} ${pending.values.lastName}`,
    organizations: pending.organization ? [pending.organization] : [],
    restricted: false,
  };
}

/** The consent events not yet recorded, here or in the register, in the order given. */
function newEvents(
  targetKey: string,
  changes: ConsentChange[],
  seen: Set<string>,
  inRegister: (change: ConsentChange) => boolean,
): ConsentChange[] {
  return changes.filter((change) => {
    const k = `${targetKey}|${change.subject}|${change.granted}|${change.effectiveAt}`;
    if (seen.has(k) || inRegister(change)) return false;
    seen.add(k);
    return true;
  });
}
