// The files of a subject package, in memory: data.json (the whole package, machine-readable, valid
// against resources/subject-package.schema.json), one CSV per table, and the report as HTML and PDF.
import { renderHtml, renderPdf, text } from '../documents';
import { subjectReport } from './report';
import { subjectPackageSchema, type SubjectData } from './schema';
import { tableFiles, type PackageFile } from './tables';
import type { Language } from '../../../src-shared/language';

export type { PackageFile };

const utf8 = (text: string) => Buffer.from(text, 'utf8');

export async function buildSubjectPackage(data: SubjectData, language: Language): Promise<PackageFile[]> {
  // Parsing proves the data has the documented shape before anything is handed out.
  const valid = subjectPackageSchema.parse(data);
  const report = subjectReport(valid, language);
  return [
    { name: 'data.json', content: utf8(`${JSON.stringify(valid, null, 2)}\n`) },
    ...tableFiles(valid, language),
    { name: `${text(language, 'file_report')}.html`, content: utf8(renderHtml(report, language)) },
    { name: `${text(language, 'file_report')}.pdf`, content: await renderPdf(report) },
  ];
}
