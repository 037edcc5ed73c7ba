// The contacts table as the owner sees it (search, filters, sort), all rows, as CSV for Finnish
// Excel (';', UTF-8 with a byte-order mark) or as XLSX (write-excel-file). Audited like any export.
import writeXlsxFile from 'write-excel-file/node';
import { finnishDate } from '../clock';
import type { Language } from '../errors';
import { formatPhone } from '../fields';
import type { PersonQuery, PersonRow } from '../persons';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { toDelimited, type CellValue } from './csv';
import { auditExport, type ExportedFile } from './mailing';
import { selectedPersons } from './recipients';

const HEADERS: Record<Language, string[]> = {
  fi: [
    'Sukunimi',
    'Etunimi',
    'Sähköposti',
    'Puhelin',
    'Organisaatio',
    'Paikkakunta',
    'Asiakkuus',
    'Tila',
    'Viimeisin asiointi',
    'Käsittely rajoitettu',
    'Informoitu',
  ],
  en: [
    'Last name',
    'First name',
    'Email',
    'Phone',
    'Organization',
    'City',
    'Relationship',
    'Status',
    'Last activity',
    'Processing restricted',
    'Informed on',
  ],
};
const YES_NO: Record<Language, [string, string]> = { fi: ['kyllä', 'ei'], en: ['yes', 'no'] };
const FILE_STEM: Record<Language, string> = { fi: 'asiakkaat', en: 'contacts' };

function cells(row: PersonRow, language: Language): CellValue[] {
  return [
    row.lastName,
    row.firstName,
    row.email,
    row.phone ? formatPhone(row.phone) : null,
    row.organization,
    row.city,
    row.kindKey,
    row.status,
    row.lastActivityOn,
    row.restricted ? YES_NO[language][0] : YES_NO[language][1],
    row.informedOn,
  ];
}

export async function tableExport(
  register: UnlockedRegister,
  query: Omit<PersonQuery, 'offset' | 'limit'>,
  format: 'csv' | 'xlsx',
  language: Language,
): Promise<{ file: ExportedFile; rows: number }> {
  assertRole(register, 'owner');
  const ids: number[] = [];
  const rows: CellValue[][] = [];
  for (const row of selectedPersons(register, query)) {
    ids.push(row.id);
    rows.push(cells(row, language));
  }
  const headers = HEADERS[language];
  const bytes =
    format === 'csv'
      ? toDelimited(headers, rows, { delimiter: ';', bom: true })
      : await writeXlsxFile(
          [
            headers.map((value) => ({ value, fontWeight: 'bold' as const })),
            ...rows.map((row) => row.map((value) => (value === null ? null : String(value)))),
          ],
          { sheet: FILE_STEM[language], stickyRowsCount: 1 },
        ).toBuffer();
  auditExport(register, 'export.table', { format }, { total: 0, reasons: {} }, ids, 'table');
  const today = finnishDate(register.deps.clock.now());
  return {
    file: {
      fileName: `${FILE_STEM[language]}-${today}.${format}`,
      mediaType: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes,
    },
    rows: rows.length,
  };
}
