// A file as a table: its header row and the data rows with the line each starts on, so every
// problem can be reported as "line 57". CSV goes through csv-parse (RFC 4180 quoting, a record's
// line numbers in `info`); the delimiter is the one of ; , and tab that splits the first lines into
// the same number of fields. XLSX goes through read-excel-file (first sheet).
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { decodeText, type TextEncoding } from './decode';

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
    detail: string,
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

/** Headers trimmed; a repeated header gets " (2)", " (3)" so a mapping can name each column. */
function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell) => {
    const header = cell.replace(/\s+/g, ' ').trim();
    const times = (seen.get(header) ?? 0) + 1;
    seen.set(header, times);
    return times === 1 ? header : `${header} (${times})`;
  });
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

export function readCsv(fileName: string, bytes: Uint8Array): SourceTable {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : null;
    throw new UnreadableFileError(fileName, line, error instanceof Error ? error.message : String(error));
  }
  const [header, ...data] = records;
  if (!header) return { fileName, encoding, delimiter, headers: [], rows: [] };
  // info.lines is where a record ends, but csv-parse counts a CR LF inside a quoted field as two
  // lines; those are taken off, and a record starts after the previous one and any empty lines.
  const crlfIn = (cells: string[]) => cells.reduce((n, cell) => n + (cell.match(/\r\n/g)?.length ?? 0), 0);
  let overcount = crlfIn(header.record);
  let previousEnd = header.info.lines - overcount;
  let previousEmpty = header.info.empty_lines;
  const rows = data.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    overcount += crlfIn(record);
    previousEnd = info.lines - overcount;
    previousEmpty = info.empty_lines;
    return { line, cells: record };
  });
  return { fileName, encoding, delimiter, headers: uniqueHeaders(header.record), rows };
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

export async function readXlsx(fileName: string, bytes: Uint8Array): Promise<SourceTable> {
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as unknown[][];
  } catch (error) {
    throw new UnreadableFileError(fileName, null, error instanceof Error ? error.message : String(error));
  }
  const [header = [], ...data] = sheet;
  const rows = data
    .map((cells, index) => ({ line: index + 2, cells: cells.map(cellText) }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  return { fileName, encoding: 'xlsx', delimiter: null, headers: uniqueHeaders(header.map(cellText)), rows };
}
