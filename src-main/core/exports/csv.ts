// Delimited text for files that leave the register: Mailchimp's importer reads comma-separated
// UTF-8; Finnish Excel reads ';' with a byte-order mark. RFC 4180 quoting either way, and a guard
// against spreadsheet formulas in data (a name typed as "=HYPERLINK(…)").

export type CellValue = string | number | boolean | null;

/**
 * A text that a spreadsheet would run as a formula (=, @, or + and - followed by something that
 * is not a number or a phone number) gets a leading apostrophe; +358… and -12.50 stay as they are.
 */
function defuse(text: string): string {
  if (/^[=@\t\r]/.test(text)) return `'${text}`;
  if (/^[+-]/.test(text) && !/^[+-][\d\s().,-]*$/.test(text)) return `'${text}`;
  return text;
}

export function toDelimited(
  columns: readonly string[],
  rows: ReadonlyArray<readonly CellValue[]>,
  options: { delimiter: ',' | ';'; bom: boolean },
): Buffer {
  const special = new RegExp(`["${options.delimiter}\\r\\n]`);
  const field = (value: CellValue) => {
    if (value === null) return '';
    const text = typeof value === 'string' ? defuse(value) : String(value);
    return special.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns, ...rows].map((row) => row.map(field).join(options.delimiter));
  return Buffer.from(`${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`, 'utf8');
}
