// CSV for the tabular parts of a package, written for the spreadsheet a Finnish sole trader or the
// person will open it in: RFC 4180 quoting and CRLF line ends, but ';' between fields (Excel in the
// Finnish locale expects ';', as ',' is the decimal separator) and UTF-8 with a byte-order mark
// (without it Excel reads ä and ö as Windows-1252). Headers are data.json's field names, values its
// codes, so the CSV and the JSON describe each other.
import { delimitedText, FINNISH_EXCEL, type CellValue } from '../exports/csv';

export const CSV_DELIMITER = FINNISH_EXCEL.delimiter;

export type CsvValue = CellValue;

export function toCsv(columns: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return delimitedText(columns, rows, FINNISH_EXCEL);
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
