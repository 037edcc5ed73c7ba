// One row of a file, read through its column mapping into what the register would store: person
// fields validated by the same schema as the person form (so an imported person is exactly what the
// form would accept), an organization, interests, consents with their evidence, and the problems.
import { personChanges } from '../../../src-shared/contract/register-fields';
import { ruleMessage, validate } from '../../../src-shared/contract/field-errors';
import { finnishDate } from '../clock';
import type { ConsentChange } from '../consents';
import type { Language } from '../../../src-shared/errors';
import { isPlainLine, isPlainLines } from '../../../src-shared/fields';
import type { PersonFields } from '../persons';
import { matchKeys, type MatchKeys } from './match-keys';
import { evidenceText, problemText } from './texts';
import { parseDate, parseInstant, type Zone } from './times';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField, type RowProblemCode } from './vocabulary';

/** Import fields that are no person field of their own: split into names, linked, tagged, or a date. */
const NOT_PERSON_FIELDS = ['fullName', 'organization', 'interests', 'timestamp'] as const;
export type ImportedField = Exclude<ImportField, (typeof NOT_PERSON_FIELDS)[number]>;
/** The person fields an import fills, in the contract's order (the order conflicts are listed in). */
export const PERSON_FIELDS: readonly ImportedField[] = IMPORT_FIELDS.filter(
  (field): field is ImportedField => !(NOT_PERSON_FIELDS as readonly string[]).includes(field),
);
// Pick also checks that every one of them is a person field.
export type ImportedValues = Partial<Pick<PersonFields, ImportedField>>;

export interface RowSource {
  fileIndex: number;
  fileName: string;
  line: number;
}

export interface RowProblem {
  fileName: string;
  line: number | null;
  code: RowProblemCode;
  /** The column it concerns, as the file names it. */
  column?: string;
  message: string;
  /** An error keeps the row out (skip) or stops the import; a warning says what was done. */
  severity: 'error' | 'warning';
}

export interface UndeliverableMark {
  email: string;
  at: string;
  summary: string;
}

export interface RowCandidate {
  source: RowSource;
  values: ImportedValues;
  organization: string | null;
  interests: string[];
  consents: ConsentChange[];
  undeliverable: UndeliverableMark | null;
  /** The row's own date (a form answer, a Mailchimp change): the person's last activity. */
  activityOn: string | null;
  /** The name was made from the email address: it never overrides a name in the register. */
  nameFromEmail: boolean;
  /** What the row is matched by, worked out here, in a worker for a large import. */
  keys: MatchKeys;
  warnings: RowProblem[];
}

export type RowReading = { ok: true; candidate: RowCandidate } | { ok: false; problems: RowProblem[] };

export interface RowContext {
  language: Language;
  /** The zone of times that do not name one. */
  zone: Zone;
  now: string;
}

/** What a row adds beyond the mapped columns (Mailchimp's statuses and times). */
export interface RowExtras {
  consents: ConsentChange[];
  undeliverable: UndeliverableMark | null;
  activityAt: string | null;
  values: ImportedValues;
  problems: RowProblem[];
}

const LANGUAGE_WORDS: Record<string, 'fi' | 'en'> = {
  fi: 'fi',
  suomi: 'fi',
  finnish: 'fi',
  'suomi / finnish': 'fi',
  en: 'en',
  englanti: 'en',
  english: 'en',
};
const COUNTRY_WORDS: Record<string, string> = {
  suomi: 'FI',
  finland: 'FI',
  ruotsi: 'SE',
  sweden: 'SE',
  sverige: 'SE',
  viro: 'EE',
  estonia: 'EE',
  norja: 'NO',
  norway: 'NO',
  saksa: 'DE',
  germany: 'DE',
};
/** An answer that says no: "Ei", "En halua", "No", "false", "0". Anything else that is not empty is yes. */
const NO_ANSWER = /^(ei\b|en\b|no\b|false$|0$|off$)/i;

const clean = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** `Aino Maria Mäkinen` → Aino Maria / Mäkinen; `Mäkinen, Aino` → Aino / Mäkinen. */
export function splitFullName(full: string): { firstName: string; lastName: string } | null {
  const text = clean(full);
  if (text.includes(',')) {
    const [last = '', first = ''] = text.split(',').map(clean);
    return first && last ? { firstName: first, lastName: last } : null;
  }
  const at = text.lastIndexOf(' ');
  if (at <= 0) return null;
  return { firstName: text.slice(0, at), lastName: text.slice(at + 1) };
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** aino.makinen@example.fi → Aino / Makinen; ainom@example.fi → ainom / – (unknown). */
export function nameFromEmail(email: string): { firstName: string; lastName: string } {
  const local = email.split('@')[0] ?? email;
  const words = local.split(/[._-]+/).filter(Boolean);
  if (words.length >= 2)
    return { firstName: capitalise(words[0]!), lastName: words.slice(1).map(capitalise).join(' ') };
  return { firstName: local, lastName: '–' };
}

/** Values as the person form would receive them: apostrophes Excel adds, words for language and country. */
function formValue(field: ImportedField, text: string): string {
  switch (field) {
    case 'phone':
      return text.replace(/^'/, '');
    case 'language':
      return LANGUAGE_WORDS[text.toLowerCase()] ?? text;
    case 'country':
      return COUNTRY_WORDS[text.toLowerCase()] ?? text;
    case 'birthDate':
      return parseDate(text) ?? text;
    default:
      return text;
  }
}

export interface MappedFile {
  fileIndex: number;
  fileName: string;
  headers: string[];
  mapping: ColumnMapping;
  /** Worked out once per file, not per row: column positions and the mapped columns. */
  index: Map<string, number>;
  columns: Array<[string, Exclude<ColumnMapping[string], 'ignore'>]>;
}

export function mappedFile(fileIndex: number, fileName: string, headers: string[], mapping: ColumnMapping): MappedFile {
  const index = new Map(headers.map((header, i) => [header, i]));
  const columns = Object.entries(mapping).filter(
    (entry): entry is [string, Exclude<ColumnMapping[string], 'ignore'>] =>
      index.has(entry[0]) && entry[1] !== 'ignore',
  );
  return { fileIndex, fileName, headers, mapping, index, columns };
}

/** Reads one row: mapped columns, the extras the format adds, validation and identification. */
export function readRow(
  file: MappedFile,
  line: number,
  cells: string[],
  ctx: RowContext,
  /** `get` gives a cell with its white space collapsed, `raw` as the file has it. */
  extras?: (get: (header: string) => string, raw: (header: string) => string) => RowExtras,
): RowReading {
  const problems: RowProblem[] = [];
  const problem = (code: RowProblemCode, params: Record<string, string | number> = {}, column?: string) => ({
    fileName: file.fileName,
    line,
    code,
    ...(column ? { column } : {}),
    message: problemText(ctx.language, code, { column: column ?? '', ...params }),
    severity: 'error' as const,
  });
  // Fewer cells than headers is what Excel writes when the last cells are empty; more is a broken row.
  if (cells.slice(file.headers.length).some((cell) => cell.trim() !== '')) {
    return { ok: false, problems: [problem('column_count', { found: cells.length, expected: file.headers.length })] };
  }
  const index = file.index;
  // Every cell the reading uses is checked as the contract checks a field, whatever it fills (an
  // organization, a tag, a consent's answer kept as evidence): one with a control or bidi character
  // is a bad value of its column. Single-line cells have their white space collapsed first.
  const refused = new Set<string>();
  const checked = (header: string, text: string, lines = false) => {
    if (!refused.has(header) && !(lines ? isPlainLines(text) : isPlainLine(text))) {
      refused.add(header);
      const rule = lines ? 'CONTROL_CHARACTER_LINES' : 'CONTROL_CHARACTER';
      problems.push(problem('invalid_value', { message: ruleMessage(rule, ctx.language) }, header));
    }
    return text;
  };
  const cell = (header: string) => cells[index.get(header) ?? -1] ?? '';
  const get = (header: string) => checked(header, clean(cell(header)));
  /** A cell as the file has it, for a format that reads its own lines (a Mailchimp address). */
  const rawCell = (header: string) => {
    const text = cell(header);
    checked(header, text.replace(/\r\n?/g, '\n'), true);
    return text;
  };

  const raw: Partial<Record<ImportField, string>> = {};
  const columnOf: Partial<Record<string, string>> = {};
  const consentColumns: Array<[string, ColumnTargetConsent]> = [];
  for (const [header, target] of file.columns) {
    if (typeof target === 'string') {
      // Notes keep their line breaks; everywhere else white space is one space.
      const value =
        target === 'notes' ? checked(header, cell(header).replace(/\r\n?/g, '\n').trim(), true) : get(header);
      if (value === '') continue;
      raw[target] =
        target === 'notes' || target === 'interests'
          ? [raw[target], value].filter(Boolean).join('\n')
          : (raw[target] ?? value);
      columnOf[target === 'fullName' ? 'firstName' : target] ??= header;
      if (target === 'fullName') columnOf.lastName ??= header;
    } else consentColumns.push([header, target]);
  }

  let activityAt: string | null = null;
  if (raw.timestamp) {
    activityAt = parseInstant(raw.timestamp, ctx.zone);
    if (!activityAt) problems.push(problem('bad_time', { value: raw.timestamp }, columnOf.timestamp));
    else if (activityAt > ctx.now) problems.push(problem('future_time', { value: raw.timestamp }, columnOf.timestamp));
  }

  const extra = extras?.(get, rawCell);
  problems.push(...(extra?.problems.filter((p) => p.severity === 'error') ?? []));
  const warnings = extra?.problems.filter((p) => p.severity === 'warning') ?? [];

  const values: Record<string, string> = {};
  for (const field of PERSON_FIELDS) {
    const value = raw[field];
    if (value) values[field] = formValue(field, value);
  }
  for (const [field, value] of Object.entries(extra?.values ?? {})) if (value && !values[field]) values[field] = value;
  if (raw.fullName && !values.firstName && !values.lastName) {
    const split = splitFullName(raw.fullName);
    if (split) Object.assign(values, split);
    else values.lastName = clean(raw.fullName);
  }
  let derivedName = false;
  if (!values.firstName && !values.lastName && values.email) {
    Object.assign(values, nameFromEmail(values.email));
    derivedName = true;
    warnings.push({
      ...problem('name_from_email', { name: `${values.firstName} ${values.lastName}` }),
      severity: 'warning',
    });
  }

  const validated = validate(personChanges, values, ctx.language);
  if (!validated.ok) {
    for (const issue of validated.fields) {
      const column = columnOf[issue.path] ?? issue.path;
      if (!refused.has(column)) problems.push(problem('invalid_value', { message: issue.message }, column));
    }
  }
  if (!values.firstName || !values.lastName) problems.push(problem('name_missing'));
  const organization = raw.organization ? raw.organization.slice(0, 200) : null;
  const identifiable = values.email || values.phone || organization || (values.street && values.postalCode);
  if (!identifiable) problems.push(problem('unidentifiable'));

  const consents = [...(extra?.consents ?? [])];
  for (const [header, target] of consentColumns) {
    const answer = get(header);
    if (answer === '') continue;
    const time = activityAt ?? ctx.now;
    const evidence = evidenceText(ctx.language, activityAt ? 'form' : 'formNoTime', {
      file: file.fileName,
      line,
      time: activityAt ?? '',
      question: header,
      answer,
    });
    if ('consent' in target) {
      consents.push({
        subject: target.consent,
        granted: !NO_ANSWER.test(answer),
        method: 'import',
        evidence,
        effectiveAt: time,
      });
    } else {
      // Google Forms joins the ticked boxes of a checkbox question with ", ".
      const ticked = answer.split(/,\s*/).map(clean);
      for (const [option, subject] of Object.entries(target.consentChoices)) {
        if (ticked.includes(clean(option)))
          consents.push({ subject, granted: true, method: 'import', evidence, effectiveAt: time });
      }
    }
  }

  if (problems.length > 0 || !validated.ok) return { ok: false, problems };
  const interests = (raw.interests ?? '')
    .split(/[,\n]/)
    .map((tag) => clean(tag.replace(/^"|"$/g, '')))
    .filter((tag) => tag !== '')
    .map((tag) => tag.slice(0, 60));
  const when = extra?.activityAt ?? activityAt;
  const imported = pickImported(validated.value, values);
  return {
    ok: true,
    candidate: {
      source: { fileIndex: file.fileIndex, fileName: file.fileName, line },
      values: imported,
      organization,
      interests: [...new Set(interests)],
      consents,
      undeliverable: extra?.undeliverable ?? null,
      activityOn: when ? finnishDate(new Date(when)) : null,
      nameFromEmail: derivedName,
      keys: matchKeys(imported, organization),
      warnings,
    },
  };
}

type ColumnTargetConsent = Exclude<ColumnMapping[string], string>;

/** The validated values of the fields the row had: the schema's defaults (country FI) are not the file's. */
function pickImported(value: Record<string, unknown>, given: Record<string, string>): ImportedValues {
  const picked: Record<string, unknown> = {};
  for (const field of PERSON_FIELDS) {
    if (field in given && value[field] !== undefined && value[field] !== null) picked[field] = value[field];
  }
  return picked as ImportedValues;
}
