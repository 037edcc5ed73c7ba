// `kaappi import`: imports Mailchimp exports, Google Forms responses or CSV/XLSX files through the
// same core as the app's imports.run channel (and its access rule). Bad rows stop the import,
// leaving the register unchanged, unless --skip-bad-rows; conflicts with the register need
// --conflicts, since a terminal cannot ask about each one. --dry-run shows what would happen (as the
// --conflicts given would decide).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  IMPORT_FORMATS,
  previewImport,
  runImport,
  type Conflict,
  type ImportCounts,
  type ImportFormat,
  type ImportRequest,
  type ProgressCallback,
  type RowProblem,
} from '../../core/imports';
import { validate } from '../../../src-shared/contract';
import { columnMapping } from '../../../src-shared/contract/imports';
import { parseOptions, UsageError, type OptionSpecs } from '../args';
import { commandHelp, type Command } from '../command';
import type { CliContext } from '../context';
import { OPEN_OPTIONS, withRegister } from '../with-register';
import { interpolate } from '../../../src-shared/language';

const LINES = {
  en: {
    wouldImport:
      'Would import {rows} rows: {created} new, {merged} merged, {unchanged} unchanged, {undecided} with conflicts to decide (--conflicts), {badRows} bad; {consentEvents} consent events, {undeliverable} undeliverable addresses. Nothing was changed (dry run).',
    imported:
      'Imported {rows} rows: {created} new, {merged} merged, {unchanged} unchanged, {badRows} bad rows skipped; {consentEvents} consent events, {undeliverable} undeliverable addresses.',
    problem: '{file}:{line}: {severity}: {message}',
    conflict: '{file}:{line}: conflict in {field} ({person}): register "{register}", file "{value}"',
    stoppedBadRows: 'nothing was imported: {count} bad rows (fix them, or give --skip-bad-rows)',
    stoppedConflicts:
      'nothing was imported: {count} values differ from the register; give --conflicts keep-register or take-file',
    stoppedFiles: 'nothing was imported: a file could not be used (see above)',
    error: 'error',
    warning: 'warning',
    earlierLine: 'line {line} of this import',
    reading: 'Reading the files…',
    checking: 'Checking rows: {done} / {total}',
    writing: 'Writing to the register: {done} / {total} rows',
  },
  fi: {
    wouldImport:
      'Tuotaisiin {rows} riviä: {created} uutta, {merged} yhdistettyä, {unchanged} ennallaan, {undecided} ristiriitaista (--conflicts), {badRows} virheellistä; {consentEvents} suostumusmerkintää, {undeliverable} toimimatonta osoitetta. Mitään ei muutettu (kokeiluajo).',
    imported:
      'Tuotiin {rows} riviä: {created} uutta, {merged} yhdistettyä, {unchanged} ennallaan, {badRows} virheellistä ohitettiin; {consentEvents} suostumusmerkintää, {undeliverable} toimimatonta osoitetta.',
    problem: '{file}:{line}: {severity}: {message}',
    conflict: '{file}:{line}: ristiriita kentässä {field} ({person}): rekisterissä "{register}", tiedostossa "{value}"',
    stoppedBadRows: 'mitään ei tuotu: {count} virheellistä riviä (korjaa ne tai anna --skip-bad-rows)',
    stoppedConflicts: 'mitään ei tuotu: {count} arvoa eroaa rekisteristä; anna --conflicts keep-register tai take-file',
    stoppedFiles: 'mitään ei tuotu: tiedostoa ei voitu käyttää (ks. yllä)',
    error: 'virhe',
    warning: 'huomio',
    earlierLine: 'tämän tuonnin rivi {line}',
    reading: 'Luetaan tiedostoja…',
    checking: 'Tarkistetaan rivejä: {done} / {total}',
    writing: 'Tallennetaan rekisteriin: {done} / {total} riviä',
  },
} as const;

type Line = keyof (typeof LINES)['en'];
const text = (ctx: CliContext, key: Line, params: Record<string, string | number> = {}) =>
  interpolate(LINES[ctx.language][key], params);

const OPTIONS = {
  ...OPEN_OPTIONS,
  format: { type: 'string', help: `what the files are: ${IMPORT_FORMATS.join(', ')}` },
  mapping: { type: 'string', help: 'a JSON file: {"column header": "firstName" | {"consent": "email"} | …}' },
  kind: {
    type: 'string',
    help: 'relationship kind of new persons (default: prospect for mailchimp and google-forms, customer for csv)',
  },
  source: { type: 'string', help: 'data source of new persons (default: newsletter, signup_form or import)' },
  'skip-bad-rows': {
    type: 'boolean',
    help: 'import the good rows and skip the bad ones (default: stop, changing nothing)',
  },
  conflicts: {
    type: 'string',
    help: 'keep-register or take-file: what to do where a file value differs from the register',
  },
  'dry-run': {
    type: 'boolean',
    help: 'show what would be imported (with --conflicts, as that choice would) and every problem and conflict; change nothing',
  },
} as const satisfies OptionSpecs;

const USAGE =
  'kaappi import --register FILE --user NAME [--recovery-key] --format mailchimp|google-forms|csv [--mapping FILE] [--kind KEY] [--source KEY] [--skip-bad-rows] [--conflicts keep-register|take-file] [--dry-run] PATH...';

/** parseOptions takes a fixed number of arguments; this command takes one or more paths. */
function countPaths(args: string[]): number {
  const { tokens } = parseArgs({
    args,
    options: { ...OPTIONS, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  return tokens.filter((token) => token.kind === 'positional').length;
}

function readMapping(path: string, ctx: CliContext) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `--mapping: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
      USAGE,
    );
  }
  // The contract's own messages, in the user's language: a header with a control character is refused.
  const parsed = validate(columnMapping, json, ctx.language);
  if (!parsed.ok)
    throw new UsageError(`--mapping: ${parsed.fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, USAGE);
  return parsed.value;
}

function printProblems(ctx: CliContext, problems: RowProblem[]) {
  for (const p of problems) {
    ctx.print(
      text(ctx, 'problem', {
        file: p.fileName,
        line: p.line ?? '-',
        severity: text(ctx, p.severity),
        message: p.message,
      }),
    );
  }
}

function printConflicts(ctx: CliContext, conflicts: Conflict[]) {
  for (const c of conflicts) {
    const person =
      c.personId !== null ? `#${c.personId} ${c.personName}` : text(ctx, 'earlierLine', { line: c.fromLine ?? '?' });
    ctx.print(
      text(ctx, 'conflict', {
        file: c.fileName,
        line: c.line,
        field: c.field,
        person,
        register: c.registerValue,
        value: c.fileValue,
      }),
    );
  }
}

const counts = (c: ImportCounts) => ({ ...c });

/** Progress as a status line on a terminal: a large file takes a while to check and write. */
function showProgress(ctx: CliContext): ProgressCallback {
  const number = new Intl.NumberFormat(ctx.language === 'fi' ? 'fi-FI' : 'en-GB');
  return ({ phase, done, total }) =>
    ctx.status(text(ctx, phase, { done: number.format(done), total: number.format(total) }));
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import Mailchimp exports, Google Forms responses or CSV/XLSX files (one transaction)',
  usage: USAGE,
  options: OPTIONS,
  async execute(args, ctx) {
    const paths = countPaths(args);
    const { values, positionals, help } = parseOptions(
      args,
      OPTIONS,
      ['register', 'user', 'format'],
      USAGE,
      Array.from({ length: Math.max(1, paths) }, () => 'PATH...'),
    );
    if (help) {
      ctx.print(commandHelp(this));
      return 0;
    }
    const format = values.format as ImportFormat;
    if (!IMPORT_FORMATS.includes(format)) throw new UsageError(`--format: one of ${IMPORT_FORMATS.join(', ')}`, USAGE);
    const policy = values.conflicts;
    if (policy !== undefined && policy !== 'keep-register' && policy !== 'take-file') {
      throw new UsageError('--conflicts: keep-register or take-file', USAGE);
    }
    const request: ImportRequest = {
      format,
      files: positionals.map((path) => {
        try {
          return { fileName: basename(path), bytes: readFileSync(path) };
        } catch (error) {
          throw new UsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, USAGE);
        }
      }),
      ...(values.mapping ? { mapping: readMapping(values.mapping, ctx) } : {}),
      ...(values.kind ? { kindKey: values.kind } : {}),
      ...(values.source ? { sourceKey: values.source } : {}),
    };
    const conflictPolicy =
      policy === 'keep-register' ? 'keep_register' : policy === 'take-file' ? 'take_file' : 'choose';
    if (values['dry-run']) {
      return withRegister(values, ctx, 'imports.preview', async (register) => {
        const preview = await previewImport(register, request, ctx.language, showProgress(ctx), conflictPolicy);
        ctx.status(null);
        printProblems(ctx, preview.problems);
        printConflicts(ctx, preview.conflicts);
        ctx.print(text(ctx, 'wouldImport', counts(preview.counts)));
        return 0;
      });
    }
    return withRegister(values, ctx, 'imports.run', async (register) => {
      const outcome = await runImport(
        register,
        request,
        {
          badRows: values['skip-bad-rows'] ? 'skip' : 'stop',
          conflicts: conflictPolicy,
        },
        ctx.language,
        showProgress(ctx),
      );
      ctx.status(null);
      printProblems(ctx, outcome.problems);
      if (outcome.status === 'imported') {
        ctx.print(text(ctx, 'imported', counts(outcome.counts)));
        return 0;
      }
      if (outcome.stoppedBecause === 'unresolved_conflicts') {
        const preview = await previewImport(register, request, ctx.language);
        printConflicts(ctx, preview.conflicts);
      }
      const reason =
        outcome.stoppedBecause === 'bad_rows'
          ? text(ctx, 'stoppedBadRows', { count: outcome.counts.badRows })
          : outcome.stoppedBecause === 'unresolved_conflicts'
            ? text(ctx, 'stoppedConflicts', { count: outcome.unresolved.length })
            : text(ctx, 'stoppedFiles');
      // One line on stderr, as every failed command ends (see cli/report.ts).
      process.stderr.write(`kaappi: ${reason}\n`);
      return 1;
    });
  },
};
