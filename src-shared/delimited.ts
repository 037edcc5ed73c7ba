// Delimited text for files that leave the register: Mailchimp's importer reads comma-separated
// UTF-8; Finnish Excel reads ';' with a byte-order mark. RFC 4180 quoting either way, and a guard
// against spreadsheet formulas in data (a name typed as "=HYPERLINK(…)"). Pure text, shared with
// the renderer, which writes its own small files (an import's problems) with the same rules.

export type CellValue = string | number | boolean | null;

export interface DelimitedOptions {
  delimiter: ',' | ';';
  bom: boolean;
}

/** What Finnish Excel opens as it is: ';' between fields, UTF-8 with a byte-order mark. */
export const FINNISH_EXCEL: DelimitedOptions = { delimiter: ';', bom: true };

/**
 * A text that a spreadsheet would run as a formula (=, @, or + and - followed by something that
 * is not a number or a phone number) gets a leading apostrophe; +358… and -12.50 stay as they are.
 */
function defuse(text: string): string {
  if (/^[=@\t\r]/.test(text)) return `'${text}`;
  if (/^[+-]/.test(text) && !/^[+-][\d\s().,-]*$/.test(text)) return `'${text}`;
  return text;
}

export function delimitedText(
  columns: readonly string[],
  rows: ReadonlyArray<readonly CellValue[]>,
  options: DelimitedOptions,
): string {
  const special = new RegExp(`["${options.delimiter}\\r\\n]`);
  const field = (value: CellValue) => {
    if (value === null) return '';
    const text = typeof value === 'string' ? defuse(value) : String(value);
    return special.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns, ...rows].map((row) => row.map(field).join(options.delimiter));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
