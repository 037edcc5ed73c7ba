// The files of a subject package, in memory: data.json (the whole package, machine-readable, valid
// against resources/subject-package.schema.json), one CSV per table for spreadsheets and other
// systems, and the report as HTML and PDF for reading.
import { renderHtml, renderPdf, type DocumentLanguage } from '../documents';
import { recordsToCsv, toCsv } from './csv';
import { subjectReport } from './report';
import { subjectPackageSchema, type SubjectData } from './schema';

export interface PackageFile {
  name: string;
  content: Buffer;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function personCsv(data: SubjectData): string {
  const { person } = data;
  const columns = Object.keys(person) as Array<keyof typeof person>;
  return toCsv(
    [...columns, 'relationshipKind', 'source', 'interests'],
    [
      [
        ...columns.map((column) => person[column]),
        data.relationshipKind.key,
        data.source?.key ?? null,
        data.interests.join(', '),
      ],
    ],
  );
}

function tableFiles(data: SubjectData): PackageFile[] {
  const csv = (name: string, text: string) => ({ name, content: utf8(text) });
  return [
    csv('person.csv', personCsv(data)),
    csv(
      'employments.csv',
      recordsToCsv(
        ['organization', 'businessId', 'title', 'startedOn', 'endedOn'],
        data.employments.map((e) => ({
          organization: e.organization.name,
          businessId: e.organization.businessId,
          title: e.title,
          startedOn: e.startedOn,
          endedOn: e.endedOn,
        })),
      ),
    ),
    csv(
      'consents.csv',
      recordsToCsv(
        ['subject', 'granted', 'method', 'evidence', 'effectiveAt', 'recordedAt', 'recordedBy'],
        data.consents.history,
      ),
    ),
    csv(
      'orders.csv',
      recordsToCsv(['id', 'orderedOn', 'description', 'amountCents', 'invoiceStatus', 'createdAt'], data.orders),
    ),
    csv(
      'contacts.csv',
      recordsToCsv(['occurredOn', 'channel', 'kind', 'summary', 'createdAt', 'createdBy'], data.contacts),
    ),
    csv(
      'custom-fields.csv',
      recordsToCsv(
        ['key', 'labelFi', 'labelEn', 'type', 'value'],
        data.customFields.map((f) => ({
          key: f.key,
          labelFi: f.label.fi,
          labelEn: f.label.en,
          type: f.type,
          value: f.value,
        })),
      ),
    ),
    csv(
      'requests.csv',
      recordsToCsv(
        [
          'id',
          'type',
          'receivedOn',
          'channel',
          'dueOn',
          'extendedTo',
          'status',
          'closedOn',
          'outcome',
          'refusedInPart',
        ],
        data.requests,
      ),
    ),
    csv('audit.csv', recordsToCsv(['at', 'action', 'actor'], data.processing)),
  ];
}

export async function buildSubjectPackage(data: SubjectData, language: DocumentLanguage): Promise<PackageFile[]> {
  // Parsing proves the data has the documented shape before anything is handed out.
  const valid = subjectPackageSchema.parse(data);
  const report = subjectReport(valid, language);
  return [
    { name: 'data.json', content: utf8(`${JSON.stringify(valid, null, 2)}\n`) },
    ...tableFiles(valid),
    { name: 'report.html', content: utf8(renderHtml(report, language)) },
    { name: 'report.pdf', content: await renderPdf(report) },
  ];
}
