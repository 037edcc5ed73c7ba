// Delimited files as bytes (see delimited.ts for the rules).
import { delimitedText, type CellValue, type DelimitedOptions } from '../../../src-shared/delimited';

export { FINNISH_EXCEL, delimitedText, type CellValue, type DelimitedOptions } from '../../../src-shared/delimited';

export function toDelimited(
  columns: readonly string[],
  rows: ReadonlyArray<readonly CellValue[]>,
  options: DelimitedOptions,
): Buffer {
  return Buffer.from(delimitedText(columns, rows, options), 'utf8');
}
