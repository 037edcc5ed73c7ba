// The reply letter and the refusal certificate of a request, in the request's language, filled in
// from the register profile: as HTML to preview, or as HTML and PDF files in a chosen folder.
// File names carry the request number only, never a name; the audit log keeps their hashes only.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { finnishDate } from '../clock';
import { renderHtml, renderPdf, type DocumentModel } from '../documents';
import { KaappiError } from '../../../src-shared/errors';
import type { UnlockedRegister } from '../register';
import { readRegisterProfile } from '../settings';
import { fileTrail, sha256Hex, writePrivateFile } from '../written-files';
import { refusalCertificate } from './certificate';
import { requestLetter } from './letter';
import { getRequest } from './read';

export type RequestDocumentKind = 'reply' | 'certificate';

function documentOf(register: UnlockedRegister, id: number, kind: RequestDocumentKind) {
  const request = getRequest(register, id);
  const input = {
    profile: readRegisterProfile(register),
    request,
    today: finnishDate(register.deps.clock.now()),
    language: request.language,
  };
  if (kind === 'certificate' && request.status !== 'refused') {
    throw new KaappiError('REQUEST_WRONG_STEP', { status: request.status });
  }
  const model: DocumentModel =
    kind === 'certificate' ? refusalCertificate({ ...input, reasons: [] }) : requestLetter(input);
  const word = { reply: { fi: 'vastaus', en: 'reply' }, certificate: { fi: 'todistus', en: 'certificate' } }[kind];
  return { model, language: request.language, fileStem: `kaappi-pyynto-${id}-${word[request.language]}` };
}

export function requestDocumentHtml(register: UnlockedRegister, id: number, kind: RequestDocumentKind) {
  const { model, language, fileStem } = documentOf(register, id, kind);
  return { html: renderHtml(model, language), fileStem };
}

export async function writeRequestDocument(
  register: UnlockedRegister,
  id: number,
  kind: RequestDocumentKind,
  folder: string,
): Promise<{ folder: string; files: Array<{ name: string; bytes: number; sha256: string }> }> {
  const { model, language, fileStem } = documentOf(register, id, kind);
  const contents = [
    { name: `${fileStem}.html`, content: Buffer.from(renderHtml(model, language), 'utf8') },
    { name: `${fileStem}.pdf`, content: await renderPdf(model) },
  ];
  mkdirSync(folder, { recursive: true });
  for (const { name, content } of contents) writePrivateFile(join(folder, name), content);
  const files = contents.map(({ name, content }) => ({ name, bytes: content.length, sha256: sha256Hex(content) }));
  register.transaction(() =>
    register.audit({
      action: 'request.document_written',
      targetType: 'request',
      targetId: id,
      details: { kind, ...fileTrail(files.map((file) => file.sha256)) },
    }),
  );
  return { folder, files };
}
