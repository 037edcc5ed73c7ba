// `kaappi export-subject`: writes a person's data package (GDPR Art. 15 access, Art. 20
// portability) to a folder: data.json, CSV tables, the report as HTML and PDF, and SHA256SUMS; with
// --password, the files go into one AES-256 zip. The same core function as the app's
// requests.exportPackage channel, whose access rule applies.
import { writeSubjectPackage } from '../../core/subject-package';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import type { CliContext } from '../context';
import { CliFailure } from '../messages';
import { findPersonId } from '../person-ref';
import { canPrompt, promptHidden } from '../prompt';
import { OPEN_OPTIONS, withRegister } from '../with-register';
import { interpolate } from '../../../src-shared/language';

const PASSWORD_VARIABLE = 'KAAPPI_PACKAGE_PASSWORD';

/** This command's own lines; the shared catalog (messages.ts) is not this command's to change. */
const LINES = {
  en: {
    prompt: 'Password for the package zip: ',
    repeat: 'Repeat the password: ',
    written: 'Data package written: {folder}',
    file: '  {name}  {bytes} bytes',
    encrypted:
      'The files are in one AES-256 encrypted zip. Give the password to the person by another route than the zip.',
    check: "Check the files with 'sha256sum -c SHA256SUMS' in that folder.",
  },
  fi: {
    prompt: 'Tietopaketin zip-tiedoston salasana: ',
    repeat: 'Salasana uudelleen: ',
    written: 'Tietopaketti kirjoitettu: {folder}',
    file: '  {name}  {bytes} tavua',
    encrypted:
      'Tiedostot ovat yhdessä AES-256-salatussa zip-tiedostossa. Kerro salasana henkilölle eri reittiä kuin zip.',
    check: "Tiedostot voi tarkistaa komennolla 'sha256sum -c SHA256SUMS' kyseisessä kansiossa.",
  },
} as const;

function line(ctx: CliContext, key: keyof (typeof LINES)['en'], params: Record<string, string | number> = {}) {
  ctx.print(interpolate(LINES[ctx.language][key], params));
}

/** The zip password: from KAAPPI_PACKAGE_PASSWORD for scripts, else typed twice at a hidden prompt. */
async function packagePassword(ctx: CliContext): Promise<string> {
  const given = ctx.env[PASSWORD_VARIABLE];
  if (given !== undefined && given !== '') return given;
  if (!canPrompt()) throw new UsageError(`no package password given: set ${PASSWORD_VARIABLE} or run in a terminal`);
  const first = await promptHidden(LINES[ctx.language].prompt);
  const second = await promptHidden(LINES[ctx.language].repeat);
  if (first !== second) throw new CliFailure('passwordsDiffer');
  return first;
}

export const exportSubjectCommand = defineCommand({
  name: 'export-subject',
  summary: "write a person's data package (access / portability) to a folder, optionally as an encrypted zip",
  usage:
    'kaappi export-subject --register FILE --user NAME [--recovery-key] --person ID|EMAIL --out DIR [--request ID] [--password]',
  options: {
    ...OPEN_OPTIONS,
    person: { type: 'string', help: 'the person: their id, or their email address' },
    out: { type: 'string', help: 'the folder to create the package folder in (created if missing)' },
    request: { type: 'string', help: 'the id of the request the package answers (it must concern the person)' },
    password: {
      type: 'boolean',
      help: `put the files in one AES-256 zip; the password comes from ${PASSWORD_VARIABLE} or is asked twice`,
    },
  },
  required: ['register', 'user', 'person', 'out'],
  run: (values, ctx) =>
    withRegister(values, ctx, 'requests.exportPackage', async (register) => {
      const personId = findPersonId(register, values.person ?? '', '--person');
      const request = values.request;
      if (request !== undefined && !/^\d{1,15}$/.test(request)) {
        throw new UsageError(`--request: '${request}' is not a request id`);
      }
      const password = values.password ? await packagePassword(ctx) : undefined;
      const written = await writeSubjectPackage(register, {
        personId,
        requestId: request === undefined ? undefined : Number(request),
        folder: values.out ?? '',
        password,
      });
      line(ctx, 'written', { folder: written.folder });
      for (const file of written.files) line(ctx, 'file', { name: file.name, bytes: file.bytes });
      if (password !== undefined) line(ctx, 'encrypted');
      line(ctx, 'check');
      return 0;
    }),
});
