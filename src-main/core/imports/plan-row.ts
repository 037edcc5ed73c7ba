// One row of an import plan, in steps: a bad row is skipped, an unmatched one creates a person, a
// matched one merges into its person (conflicts decided, events and tags not yet recorded added).
import type { ReadableDb } from '../../db/open';
import type { ConsentChange } from '../consents';
import { Matcher, type MatchResult, type Target } from './match';
import { matchKeys, textKey } from './match-keys';
import type { Conflict, ConflictField, ImportCounts, NewPerson, PersonUpdate, PlanOptions, SampleRow } from './plan';
import { alreadyRecorded, pendingSnapshot, registerSide, type Current } from './register-side';
import {
  PERSON_FIELDS,
  type ImportedField,
  type ImportedValues,
  type RowCandidate,
  type RowProblem,
  type UndeliverableMark,
} from './rows';
import { problemText } from './texts';

/** Where a row stands in its file; `sampled` when the preview shows it. */
export interface RowAt {
  fileIndex: number;
  fileName: string;
  line: number;
  headers: string[];
  cells: string[];
  sampled: boolean;
}

type RowSample = Omit<SampleRow, 'fileName' | 'line' | 'cells'>;

/** What the plan has decided so far, and the register lookups its rows share. */
export interface PlanState {
  readonly options: PlanOptions;
  readonly matcher: Matcher;
  readonly current: (id: number) => Current;
  readonly recorded: ReturnType<typeof alreadyRecorded>;
  readonly creates: NewPerson[];
  readonly updates: Map<number, PersonUpdate>;
  /** Each matched person as the rows so far left them, by targetKey. */
  readonly snapshots: Map<string, Current>;
  /** Consent events, tags and marks this import already adds, by targetKey. */
  readonly seenEvents: Set<string>;
  readonly problems: RowProblem[];
  readonly conflicts: Conflict[];
  readonly unresolved: string[];
  readonly revisedCreates: Set<number>;
  readonly redatedCreates: Set<number>;
  readonly sample: SampleRow[];
  readonly counts: ImportCounts;
}

export function emptyCounts(): ImportCounts {
  return {
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
}

export function startPlan(db: ReadableDb, options: PlanOptions): PlanState {
  return {
    options,
    matcher: new Matcher(db),
    current: registerSide(db),
    recorded: alreadyRecorded(db),
    creates: [],
    updates: new Map(),
    snapshots: new Map(),
    seenEvents: new Set(),
    problems: [],
    conflicts: [],
    unresolved: [],
    revisedCreates: new Set(),
    redatedCreates: new Set(),
    sample: [],
    counts: emptyCounts(),
  };
}

const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));
const same = (field: ImportedField, a: string, b: string) => (field === 'phone' ? a === b : textKey(a) === textKey(b));
const targetKey = (target: Target) => (target.kind === 'existing' ? `p${target.personId}` : `n${target.pendingId}`);

/** Keeps the row for the preview, if it is one of the rows shown. */
function sampleRow(state: PlanState, row: RowAt, sample: RowSample): void {
  if (!row.sampled) return;
  state.sample.push({
    fileName: row.fileName,
    line: row.line,
    cells: Object.fromEntries(row.headers.map((h, i) => [h, row.cells[i] ?? ''])),
    ...sample,
  });
}

/** A row that could not be read: counted, its problems listed, nothing planned. */
export function planUnreadableRow(state: PlanState, row: RowAt, problems: RowProblem[]): void {
  state.counts.badRows += 1;
  state.problems.push(...problems);
  sampleRow(state, row, { values: null, action: 'skip', match: null, problems });
}

export function planRow(state: PlanState, row: RowAt, candidate: RowCandidate): void {
  state.problems.push(...candidate.warnings);
  const match = state.matcher.find(candidate.values, candidate.keys, !candidate.nameFromEmail);
  if (match.found) planMerge(state, row, candidate, match);
  else if (match.ambiguous) planAmbiguous(state, row, candidate, match.ambiguous);
  else planCreate(state, row, candidate);
}

/** A row that matches more than one person: a bad row, since merging into either would be a guess. */
function planAmbiguous(state: PlanState, row: RowAt, candidate: RowCandidate, rule: string): void {
  const problem: RowProblem = {
    fileName: row.fileName,
    line: row.line,
    code: 'ambiguous_match',
    message: problemText(state.options.language, 'ambiguous_match', { rule }),
    severity: 'error',
  };
  state.counts.badRows += 1;
  state.problems.push(problem);
  sampleRow(state, row, {
    values: candidate.values,
    action: 'skip',
    match: null,
    problems: [problem, ...candidate.warnings],
  });
}

/** A row about nobody known: a new person, handed to `onCreate` at once. */
function planCreate(state: PlanState, row: RowAt, candidate: RowCandidate): void {
  const { counts, seenEvents } = state;
  const target: Target = { kind: 'new', pendingId: state.creates.length };
  const key = targetKey(target);
  const events = newEvents(key, candidate.consents, seenEvents, () => false);
  for (const tag of candidate.interests) seenEvents.add(`${key}|tag|${textKey(tag)}`);
  if (candidate.undeliverable) seenEvents.add(`${key}|mark|${candidate.undeliverable.summary}`);
  const person: NewPerson = {
    source: candidate.source,
    values: { ...candidate.values },
    organization: candidate.organization,
    consents: events,
    interests: candidate.interests,
    undeliverable: candidate.undeliverable ? [candidate.undeliverable] : [],
    activityOn: candidate.activityOn,
  };
  state.creates.push(person);
  state.matcher.remember(target, candidate.keys);
  counts.created += 1;
  state.options.onCreate?.(person, { counts, unresolved: state.unresolved });
  counts.consentEvents += events.length;
  counts.interests += candidate.interests.length;
  counts.undeliverable += candidate.undeliverable ? 1 : 0;
  sampleRow(state, row, { values: candidate.values, action: 'create', match: null, problems: candidate.warnings });
}

/** The person a matched row merges into: the register's, or one an earlier row creates. */
interface MergeTarget {
  target: Target;
  key: string;
  snapshot: Current;
  personId: number | null;
  pendingId: number | null;
  pending: NewPerson | null;
}

/** What a row changes of its person's fields and organization, and whether a choice is missing. */
interface FieldChanges {
  changes: ImportedValues;
  moveTo: string | null;
  warnings: RowProblem[];
  waitsForChoice: boolean;
}

/** What a row adds that neither the register nor an earlier row has. */
interface Additions {
  events: ConsentChange[];
  tags: string[];
  mark: UndeliverableMark | null;
}

function planMerge(
  state: PlanState,
  row: RowAt,
  candidate: RowCandidate,
  match: Extract<MatchResult, { found: true }>,
): void {
  const into = mergeTarget(state, match.target);
  const fields = fieldChanges(state, row, candidate, into);
  const added = additions(state, candidate, into);
  carryInto(state, candidate, into, fields, added);

  const { changes, moveTo } = fields;
  const changed =
    Object.keys(changes).length > 0 ||
    moveTo !== null ||
    added.events.length + added.tags.length > 0 ||
    added.mark !== null;
  const outcome = changed ? 'merged' : fields.waitsForChoice ? 'undecided' : 'unchanged';
  const { counts } = state;
  counts[outcome] += 1;
  counts.consentEvents += added.events.length;
  counts.interests += added.tags.length;
  counts.undeliverable += added.mark ? 1 : 0;
  sampleRow(state, row, {
    values: candidate.values,
    action: outcome === 'merged' ? 'merge' : outcome,
    match: { rule: match.rule, personId: into.personId, fromLine: into.pending ? into.pending.source.line : null },
    problems: fields.warnings,
  });
}

function mergeTarget(state: PlanState, target: Target): MergeTarget {
  const key = targetKey(target);
  // Read when a row first matches: a person created by this import is seen as its first row left it.
  let snapshot = state.snapshots.get(key);
  if (!snapshot) {
    snapshot =
      target.kind === 'existing' ? state.current(target.personId) : pendingSnapshot(state.creates[target.pendingId]!);
    state.snapshots.set(key, snapshot);
  }
  const pendingId = target.kind === 'new' ? target.pendingId : null;
  return {
    target,
    key,
    snapshot,
    personId: target.kind === 'existing' ? target.personId : null,
    pendingId,
    pending: pendingId === null ? null : state.creates[pendingId]!,
  };
}

/**
 * Fills the person's empty fields from the row; where both have a different value, a conflict
 * decided by the caller's choice or policy. A restricted person's data is not changed at all.
 */
function fieldChanges(state: PlanState, row: RowAt, candidate: RowCandidate, into: MergeTarget): FieldChanges {
  const { snapshot } = into;
  const result: FieldChanges = { changes: {}, moveTo: null, warnings: [...candidate.warnings], waitsForChoice: false };

  const takesFile = (field: ConflictField, registerValue: string, fileValue: string): boolean => {
    const conflict: Conflict = {
      id: `${row.fileIndex}:${row.line}:${field}`,
      fileName: row.fileName,
      line: row.line,
      personId: into.personId,
      fromLine: into.pending ? into.pending.source.line : null,
      personName: snapshot.name,
      field,
      registerValue,
      fileValue,
    };
    state.conflicts.push(conflict);
    state.counts.conflicts += 1;
    const choice = state.options.decide(conflict);
    if (choice === undefined) {
      state.unresolved.push(conflict.id);
      result.waitsForChoice = true;
    }
    return choice === 'file';
  };

  if (snapshot.restricted) {
    const warning: RowProblem = {
      fileName: row.fileName,
      line: row.line,
      code: 'restricted',
      message: problemText(state.options.language, 'restricted'),
      severity: 'warning',
    };
    result.warnings.push(warning);
    state.problems.push(warning);
    return result;
  }
  for (const field of PERSON_FIELDS) {
    const incoming = candidate.values[field];
    if (incoming === undefined || incoming === null) continue;
    if (candidate.nameFromEmail && (field === 'firstName' || field === 'lastName')) continue;
    const have = snapshot[field];
    if (have === null || have === '') result.changes[field] = incoming as never;
    else if (!same(field, have, String(incoming)) && takesFile(field, have, String(incoming))) {
      result.changes[field] = incoming as never;
    }
  }
  const organization = candidate.organization;
  if (organization && !snapshot.organizations.some((name) => textKey(name) === textKey(organization))) {
    const currentName = snapshot.organizations.join(', ');
    if (currentName === '' || takesFile('organization', currentName, organization)) result.moveTo = organization;
  }
  return result;
}

/** The row's consents, tags and undeliverable mark not yet recorded; a restricted person gets bans only. */
function additions(state: PlanState, candidate: RowCandidate, into: MergeTarget): Additions {
  const { key, personId, snapshot } = into;
  const { seenEvents, recorded } = state;
  const events = newEvents(
    key,
    snapshot.restricted
      ? candidate.consents.filter((c) => c.subject.startsWith('ban_') && c.granted)
      : candidate.consents,
    seenEvents,
    (c) => personId !== null && recorded.consent(personId, c),
  );
  const tags = snapshot.restricted
    ? []
    : candidate.interests.filter((tag) => {
        const k = `${key}|tag|${textKey(tag)}`;
        if (seenEvents.has(k) || (personId !== null && recorded.tag(personId, tag))) return false;
        seenEvents.add(k);
        return true;
      });
  const mark =
    candidate.undeliverable &&
    !snapshot.restricted &&
    !seenEvents.has(`${key}|mark|${candidate.undeliverable.summary}`) &&
    !(personId !== null && recorded.mark(personId, candidate.undeliverable.summary))
      ? candidate.undeliverable
      : null;
  if (mark) seenEvents.add(`${key}|mark|${mark.summary}`);
  return { events, tags, mark };
}

/** Writes the row's changes into the plan: the pending create or the person's update, and the matcher's keys. */
function carryInto(
  state: PlanState,
  candidate: RowCandidate,
  into: MergeTarget,
  { changes, moveTo }: FieldChanges,
  { events, tags, mark }: Additions,
): void {
  const { snapshot, pending, pendingId, personId } = into;
  Object.assign(snapshot, changes);
  if (moveTo) snapshot.organizations = [moveTo];
  if (pending && pendingId !== null) {
    const activityOn = later(pending.activityOn, candidate.activityOn);
    if (Object.keys(changes).length > 0 || moveTo) state.revisedCreates.add(pendingId);
    else if (activityOn !== pending.activityOn) state.redatedCreates.add(pendingId);
    Object.assign(pending.values, changes);
    if (moveTo) pending.organization = moveTo;
    pending.consents.push(...events);
    pending.interests.push(...tags);
    if (mark) pending.undeliverable.push(mark);
    pending.activityOn = activityOn;
  } else if (personId !== null) {
    const update = state.updates.get(personId) ?? {
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
    state.updates.set(personId, update);
  }
  state.matcher.remember(
    into.target,
    Object.keys(changes).length > 0 || moveTo
      ? matchKeys({ ...candidate.values, ...changes }, moveTo ?? candidate.organization)
      : candidate.keys,
  );
}

/** The consent events not yet recorded, here or in the register, in the order given. */
function newEvents(
  key: string,
  changes: ConsentChange[],
  seen: Set<string>,
  inRegister: (change: ConsentChange) => boolean,
): ConsentChange[] {
  return changes.filter((change) => {
    const k = `${key}|${change.subject}|${change.granted}|${change.effectiveAt}`;
    if (seen.has(k) || inRegister(change)) return false;
    seen.add(k);
    return true;
  });
}
