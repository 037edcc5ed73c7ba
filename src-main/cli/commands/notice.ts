// `kaappi notice`: writes the privacy notice (tietosuojaseloste) as HTML or PDF, in Finnish or
// English, from the register's settings, and records it as generated, as the app's notice.save
// channel does (whose access rule applies). With --record, the GDPR Art. 30 record of processing
// activities instead (owners only, as notice.saveRecord). What the notice still lacks is listed.
import { resolve } from 'node:path';
import { noticeStatus, writeNoticeFile, type NoticeFormat } from '../../core/notice';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import type { CliContext } from '../context';
import { OPEN_OPTIONS, withRegister } from '../with-register';
import { gapLines } from './notice-gaps';
import { interpolate } from '../../../src-shared/language';

const USAGE =
  'kaappi notice --register FILE --user NAME [--recovery-key] --out FILE [--lang fi|en] [--format html|pdf] [--record]';

/** This command's own lines; the shared catalog (messages.ts) is not this command's to change. */
const LINES = {
  en: {
    written: 'Privacy notice written: {path} ({bytes} bytes)',
    recordWritten: 'Record of processing activities written: {path} ({bytes} bytes)',
  },
  fi: {
    written: 'Tietosuojaseloste kirjoitettu: {path} ({bytes} tavua)',
    recordWritten: 'Seloste käsittelytoimista kirjoitettu: {path} ({bytes} tavua)',
  },
} as const satisfies Record<'en' | 'fi', Record<string, string>>;

type LineKey = 'written' | 'recordWritten';

function line(ctx: CliContext, key: LineKey, params: Record<string, string | number> = {}) {
  ctx.print(interpolate(LINES[ctx.language][key], params));
}

function formatOf(format: string | undefined, out: string): NoticeFormat {
  const extension = /\.(html?|pdf)$/i.exec(out)?.[1]?.toLowerCase();
  const chosen = format ?? (extension === 'htm' ? 'html' : extension);
  if (chosen === 'html' || chosen === 'pdf') return chosen;
  throw new UsageError(
    format === undefined
      ? `--format: give html or pdf (the --out name '${out}' does not say which)`
      : `--format: '${format}' is not html or pdf`,
    USAGE,
  );
}

export const noticeCommand = defineCommand({
  name: 'notice',
  summary: 'write the privacy notice (or with --record the GDPR Art. 30 record) as HTML or PDF',
  usage: USAGE,
  options: {
    ...OPEN_OPTIONS,
    out: { type: 'string', help: 'the file to write (its folder is created if missing)' },
    lang: { type: 'string', help: 'fi (default) or en' },
    format: { type: 'string', help: 'html or pdf; by default what the --out name ends with' },
    record: { type: 'boolean', help: 'the record of processing activities (GDPR Art. 30) instead; owners only' },
  },
  required: ['register', 'user', 'out'],
  run: (values, ctx) => {
    const out = values.out ?? '';
    const language = values.lang ?? 'fi';
    if (language !== 'fi' && language !== 'en') throw new UsageError(`--lang: '${language}' is not fi or en`, USAGE);
    const format = formatOf(values.format, out);
    const kind = values.record ? 'record' : 'notice';
    return withRegister(values, ctx, kind === 'record' ? 'notice.saveRecord' : 'notice.save', async (register) => {
      const written = await writeNoticeFile(register, { kind, language, format, path: resolve(out) });
      line(ctx, kind === 'record' ? 'recordWritten' : 'written', { path: written.path, bytes: written.bytes });
      for (const text of gapLines(ctx.language, noticeStatus(register).gaps)) ctx.print(text);
      return 0;
    });
  },
});
