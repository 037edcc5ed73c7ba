// The contacts table as the owner sees it (search, filters, sort), all rows, as CSV for Finnish
// Excel (';', UTF-8 with a byte-order mark) or as XLSX (write-excel-file). Audited like any export.
import writeXlsxFile from 'write-excel-file/node';
import { TABLE_COLUMNS, type TableColumn } from '../../../src-shared/contract/imports';
import { finnishDate } from '../clock';
import { formatPhone } from '../../../src-shared/fields';
import type { PersonQuery, PersonRow } from '../persons';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { sha256Hex } from '../written-files';
import { FINNISH_EXCEL, toDelimited, type CellValue } from './csv';
import { auditExport, type ExportedFile } from './mailing';
import { selectedPersons } from './recipients';
import type { Language } from '../../../src-shared/language';

/**
 * What each of the contacts table's columns (TABLE_COLUMNS) puts in the file.
 * "Processing restricted" always goes along: whoever uses the file must see who not to contact.
 */

type Field = { fi: string; en: string; value: (row: PersonRow, language: Language) => CellValue };
const FIELDS: Record<TableColumn | 'restricted', Field[]> = {
  name: [
    { fi: 'Sukunimi', en: 'Last name', value: (row) => row.lastName },
    { fi: 'Etunimi', en: 'First name', value: (row) => row.firstName },
  ],
  email: [{ fi: 'Sähköposti', en: 'Email', value: (row) => row.email }],
  phone: [{ fi: 'Puhelin', en: 'Phone', value: (row) => (row.phone ? formatPhone(row.phone) : null) }],
  organization: [{ fi: 'Organisaatio', en: 'Organization', value: (row) => row.organization }],
  city: [{ fi: 'Paikkakunta', en: 'City', value: (row) => row.city }],
  kind: [{ fi: 'Asiakkuus', en: 'Relationship', value: (row) => row.kindKey }],
  status: [{ fi: 'Tila', en: 'Status', value: (row) => row.status }],
  lastActivityOn: [{ fi: 'Viimeisin asiointi', en: 'Last activity', value: (row) => row.lastActivityOn }],
  restricted: [
    {
      fi: 'Käsittely rajoitettu',
      en: 'Processing restricted',
      value: (row, language) => (row.restricted ? YES_NO[language][0] : YES_NO[language][1]),
    },
  ],
  informedOn: [{ fi: 'Informoitu', en: 'Informed on', value: (row) => row.informedOn }],
};
/** File order: as the table shows them, with the restriction marker before the informed date. */
const FILE_ORDER = [
  'name',
  'email',
  'phone',
  'organization',
  'city',
  'kind',
  'status',
  'lastActivityOn',
  'restricted',
  'informedOn',
] as const;

const YES_NO: Record<Language, [string, string]> = { fi: ['kyllä', 'ei'], en: ['yes', 'no'] };
const FILE_STEM: Record<Language, string> = { fi: 'asiakkaat', en: 'contacts' };

export async function tableExport(
  register: UnlockedRegister,
  query: Omit<PersonQuery, 'offset' | 'limit'>,
  format: 'csv' | 'xlsx',
  language: Language,
  /** The columns shown in the table; all of them when not given. */
  columns: readonly TableColumn[] = TABLE_COLUMNS,
): Promise<{ file: ExportedFile; rows: number }> {
  assertRole(register, 'owner');
  const fields = FILE_ORDER.filter((key) => key === 'restricted' || key === 'name' || columns.includes(key)).flatMap(
    (key) => FIELDS[key],
  );
  const ids: number[] = [];
  const rows: CellValue[][] = [];
  for (const row of selectedPersons(register, query)) {
    ids.push(row.id);
    rows.push(fields.map((field) => field.value(row, language)));
  }
  const headers = fields.map((field) => field[language]);
  const bytes =
    format === 'csv'
      ? toDelimited(headers, rows, FINNISH_EXCEL)
      : await writeXlsxFile(
          [
            headers.map((value) => ({ value, fontWeight: 'bold' as const })),
            ...rows.map((row) => row.map((value) => (value === null ? null : String(value)))),
          ],
          { sheet: FILE_STEM[language], stickyRowsCount: 1 },
        ).toBuffer();
  auditExport(register, 'export.table', { format, sha256: sha256Hex(bytes) }, { total: 0, reasons: {} }, ids, 'table');
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
