// CSV for the tabular parts of a package, written for the spreadsheet a Finnish sole trader or the
// person will open it in: RFC 4180 quoting and CRLF line ends, but ';' between fields (Excel in the
// Finnish locale expects ';', as ',' is the decimal separator) and UTF-8 with a byte-order mark
// (without it Excel reads ä and ö as Windows-1252). Headers are data.json's field names, values its
// codes, so the CSV and the JSON describe each other.

export const CSV_DELIMITER = ';';
const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null;

/**
 * A text that a spreadsheet would run as a formula (=, @, or + and - followed by something that
 * is not a number or a phone number) gets a leading apostrophe, the usual guard against CSV
 * injection; phone numbers (+358…) and negative amounts stay as they are.
 */
function defuse(text: string): string {
  if (/^[=@\t\r]/.test(text)) return `'${text}`;
  if (/^[+-]/.test(text) && !/^[+-][\d\s().,-]*$/.test(text)) return `'${text}`;
  return text;
}

function field(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? defuse(value) : String(value);
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [columns, ...rows].map((row) => row.map(field).join(CSV_DELIMITER));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Rows of objects as CSV with the given columns, in that order. */
export function recordsToCsv<T extends Record<string, unknown>>(
  columns: ReadonlyArray<keyof T & string>,
  records: T[],
) {
  return toCsv(
    columns,
    records.map((record) => columns.map((column) => record[column] as CsvValue)),
  );
}
