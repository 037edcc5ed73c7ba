// CSV for the tabular parts of a package, written for the spreadsheet a Finnish sole trader or the
// person will open it in: RFC 4180 quoting and CRLF line ends, but ';' between fields (Excel in the
// Finnish locale expects ';', as ',' is the decimal separator) and UTF-8 with a byte-order mark
// (without it Excel reads ä and ö as Windows-1252).
import { delimitedText, FINNISH_EXCEL, type CellValue } from '../../../src-shared/delimited';

export const CSV_DELIMITER = FINNISH_EXCEL.delimiter;

export type CsvValue = CellValue;

export function toCsv(columns: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return delimitedText(columns, rows, FINNISH_EXCEL);
}
