// Plain-text tables for people to read (scripts use --json): columns padded to their widest cell.
import { terminalValue } from './terminal';

export function textTable(header: readonly string[], cells: ReadonlyArray<readonly string[]>): string {
  // A cell's line break or control character is written out, so no value can add a row of its own.
  const rows = cells.map((row) => row.map(terminalValue));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
