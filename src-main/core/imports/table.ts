// A file as a table: its header row and the data rows with the line each starts on, so every
// problem can be reported as "line 57". CSV goes through Papa Parse (RFC 4180 quoting; each record's
// end offset gives its line); the delimiter is the one of ; , and tab that splits the first lines
// into the same number of fields. XLSX goes through read-excel-file (first sheet).
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { showUnsafeCharacters } from '../../../src-shared/fields';
import { decodeText, type TextEncoding } from './decode';
import type { UnreadableReason } from './texts';

export interface TableRow {
  /** The line (CSV) or sheet row (XLSX) the row starts on, 1 = the header. */
  line: number;
  cells: string[];
}

export interface SourceTable {
  fileName: string;
  encoding: TextEncoding | 'xlsx';
  delimiter: ';' | ',' | '\t' | null;
  headers: string[];
  rows: TableRow[];
}

export class UnreadableFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number | null,
    /** The reader's own words, for the log: the user is told `reason`, in their language. */
    detail: string,
    readonly reason: UnreadableReason,
  ) {
    super(detail);
    this.name = 'UnreadableFileError';
  }
}

const DELIMITERS = [';', ',', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/** Field separators on each of the first lines that have content, counting only those outside quotes. */
function separatorCounts(text: string, delimiter: Delimiter, records = 5): number[] {
  const counts: number[] = [];
  let count = 0;
  let content = false;
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536 && counts.length < records; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    if (!quoted && char === '\n') {
      if (content) counts.push(count);
      count = 0;
      content = false;
      continue;
    }
    if (char !== '\r') content = true;
    if (!quoted && char === delimiter) count += 1;
  }
  if (content && counts.length < records) counts.push(count);
  return counts;
}

/** The delimiter that splits the header into most fields and every sampled record alike. */
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ';';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const counts = separatorCounts(text, delimiter);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.every((count) => count === header);
    const score = header + (consistent ? 10_000 : 0);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Headers trimmed; a repeated header gets " (2)", " (3)" so a mapping can name each column. A
 * control or bidi character is written out as an escape: a header is the file's structure, named
 * in mappings, problems and consent evidence, so it is shown rather than refused.
 */
function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell) => {
    const header = showUnsafeCharacters(cell.replace(/\s+/g, ' ').trim());
    const times = (seen.get(header) ?? 0) + 1;
    seen.set(header, times);
    return times === 1 ? header : `${header} (${times})`;
  });
}

/** Counts line breaks (CR LF, LF or a lone CR, each one) through a text, front to back. */
class LineCounter {
  private at = 0;
  line = 1;

  constructor(private readonly text: string) {}

  /** Moves to `offset`, counting the line breaks passed. */
  advanceTo(offset: number): void {
    const text = this.text;
    for (let i = this.at; i < offset; i++) {
      const char = text.charCodeAt(i);
      if (char === 10 || (char === 13 && text.charCodeAt(i + 1) !== 10)) this.line += 1;
    }
    this.at = offset;
  }

  /** Moves past the line breaks of skipped empty lines at the current offset. */
  skipLineBreaks(): void {
    let end = this.at;
    while (end < this.text.length && (this.text[end] === '\r' || this.text[end] === '\n')) end += 1;
    this.advanceTo(end);
  }
}

/**
 * Papa Parse rather than csv-parse: 0.2 s against 1.5–2.7 s for 100,000 rows (9.6 MiB), and the
 * parse runs before anything else of an import can. It reports a broken quote and goes on, where a
 * file cannot be read on: the first such record stops the reading, named by the line it starts on.
 */
export function readCsv(fileName: string, bytes: Uint8Array): SourceTable {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const records: TableRow[] = [];
  const lines = new LineCounter(text);
  let broken: { line: number; message: string } | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: true,
    step(result, parser) {
      lines.skipLineBreaks();
      const line = lines.line;
      const error = result.errors[0];
      if (error) {
        // With the delimiter given and no header option, Papa Parse's only errors are quote errors.
        broken = { line, message: error.message };
        parser.abort();
        return;
      }
      records.push({ line, cells: result.data });
      lines.advanceTo(result.meta.cursor);
    },
  });
  if (broken) {
    const { line, message } = broken;
    throw new UnreadableFileError(fileName, line, message, 'broken_quote');
  }
  const [header, ...rows] = records;
  if (!header) return { fileName, encoding, delimiter, headers: [], rows: [] };
  return { fileName, encoding, delimiter, headers: uniqueHeaders(header.cells), rows };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A spreadsheet cell as the text a person sees. Dates come from read-excel-file as the cell's wall
 * time written as UTC, so they are formatted in UTC: 2024-03-15 or 2024-03-15 10:22:31.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
    return time === '00:00:00' ? date : `${date} ${time}`;
  }
  return String(value);
}

/**
 * Reads a file checkXlsxSize (xlsx-size.ts) has let through. With read-excel-file's universal
 * build, not its Node one: the Node build unzips as a stream, by the local headers, which need not
 * be the parts the central directory lists and the check inflated.
 */
export async function readXlsx(fileName: string, bytes: Uint8Array): Promise<SourceTable> {
  let sheet: unknown[][];
  try {
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheet = (await readSheet(copy)) as unknown[][];
  } catch (error) {
    throw new UnreadableFileError(
      fileName,
      null,
      error instanceof Error ? error.message : String(error),
      'damaged_xlsx',
    );
  }
  const [header = [], ...data] = sheet;
  const rows = data
    .map((cells, index) => ({ line: index + 2, cells: cells.map(cellText) }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  return { fileName, encoding: 'xlsx', delimiter: null, headers: uniqueHeaders(header.map(cellText)), rows };
}
