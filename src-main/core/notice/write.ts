// The notice and the Art. 30 record as HTML to preview, or as HTML and PDF files: to a folder the
// user picked (both languages at once), or to one file (the CLI). Writing the notice out is what
// "generated" means: it records the notice's hash, so the dashboard can tell when it goes stale.
// Written 0600 like every file Kaappi writes out; the owner shares the notice from there.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { finnishDate } from '../clock';
import { renderHtml, renderPdf, type DocumentModel } from '../documents';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { writePrivateFile } from '../written-files';
import { privacyNotice } from './document';
import { resolveNotice, type ResolvedNotice } from './facts';
import { processingRecord, type UserCounts } from './record';
import { markNoticeGenerated } from './status';
import { LANGUAGES, type Language } from '../../../src-shared/language';

export type NoticeKind = 'notice' | 'record';
export type NoticeFormat = 'html' | 'pdf';

export interface WrittenNoticeFiles {
  folder: string;
  files: Array<{ name: string; bytes: number; sha256: string }>;
}

const STEMS: Record<NoticeKind, Record<Language, string>> = {
  notice: { fi: 'tietosuojaseloste', en: 'privacy-notice' },
  record: { fi: 'seloste-kasittelytoimista', en: 'record-of-processing-activities' },
};

/** Who may do what: anyone reads the notice, writers print it, the owner alone handles the record. */
const ROLES = {
  notice: { read: ['owner', 'staff', 'readonly'], write: ['owner', 'staff'] },
  record: { read: ['owner'], write: ['owner'] },
} as const;

function activeUserCounts(register: UnlockedRegister): UserCounts {
  const counts: UserCounts = { owner: 0, staff: 0, readonly: 0 };
  const rows = register.db
    .select({ role: users.role, n: count() })
    .from(users)
    .where(eq(users.active, true))
    .groupBy(users.role)
    .all();
  for (const row of rows) counts[row.role] = row.n;
  return counts;
}

function build(register: UnlockedRegister, notice: ResolvedNotice, kind: NoticeKind, language: Language) {
  const today = finnishDate(register.deps.clock.now());
  const model: DocumentModel =
    kind === 'notice'
      ? privacyNotice(notice, language, today)
      : processingRecord(notice, activeUserCounts(register), language, today);
  return { model, fileStem: `${STEMS[kind][language]}-${today}` };
}

/** The document as one HTML page to preview; nothing is recorded as generated. */
export function noticeHtml(
  register: UnlockedRegister,
  kind: NoticeKind,
  language: Language,
): { html: string; fileStem: string } {
  assertRole(register, ...ROLES[kind].read);
  const { model, fileStem } = build(register, resolveNotice(register), kind, language);
  return { html: renderHtml(model, language), fileStem };
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

async function render(model: DocumentModel, language: Language, format: NoticeFormat): Promise<Buffer> {
  return format === 'html' ? Buffer.from(renderHtml(model, language), 'utf8') : renderPdf(model);
}

/** Both languages as HTML and PDF in `folder`. The notice is then recorded as generated. */
export async function writeNoticeFiles(
  register: UnlockedRegister,
  kind: NoticeKind,
  folder: string,
): Promise<WrittenNoticeFiles> {
  assertRole(register, ...ROLES[kind].write);
  const notice = resolveNotice(register);
  const contents: Array<{ name: string; content: Buffer }> = [];
  for (const language of LANGUAGES) {
    const { model, fileStem } = build(register, notice, kind, language);
    for (const format of ['html', 'pdf'] as const) {
      contents.push({ name: `${fileStem}.${format}`, content: await render(model, language, format) });
    }
  }
  mkdirSync(folder, { recursive: true });
  for (const { name, content } of contents) writePrivateFile(join(folder, name), content);
  recordWritten(register, notice, kind, { languages: 'fi,en', formats: 'html,pdf', files: contents.length });
  return {
    folder,
    files: contents.map(({ name, content }) => ({ name, bytes: content.length, sha256: sha256(content) })),
  };
}

/** One document in one language and format at `path` (the CLI's `kaappi notice`). */
export async function writeNoticeFile(
  register: UnlockedRegister,
  options: { kind: NoticeKind; language: Language; format: NoticeFormat; path: string },
): Promise<{ path: string; bytes: number; sha256: string }> {
  const { kind, language, format, path } = options;
  assertRole(register, ...ROLES[kind].write);
  const notice = resolveNotice(register);
  const content = await render(build(register, notice, kind, language).model, language, format);
  mkdirSync(dirname(path), { recursive: true });
  writePrivateFile(path, content);
  recordWritten(register, notice, kind, { languages: language, formats: format, files: 1 });
  return { path, bytes: content.length, sha256: sha256(content) };
}

function recordWritten(
  register: UnlockedRegister,
  notice: ResolvedNotice,
  kind: NoticeKind,
  details: Record<string, string | number>,
): void {
  if (kind === 'notice') {
    markNoticeGenerated(register, notice, details);
  } else {
    register.transaction(() => register.audit({ action: 'notice.record_written', targetType: 'notice', details }));
  }
}
