// How the rows of one file are read: plain data (mapping, row context, the Mailchimp status its
// name gives), so that the same reading runs in this thread or in a worker (read-in-workers.ts).
import { mailchimpExtras, type MailchimpFileStatus } from './mailchimp';
import { mappedFile, readRow, type RowContext, type RowReading } from './rows';
import type { ColumnMapping } from './vocabulary';

export interface ReaderSpec {
  fileIndex: number;
  fileName: string;
  headers: string[];
  mapping: ColumnMapping;
  context: RowContext;
  /**
   * A Mailchimp file's status as its name or else its columns give it ('nonsubscribed' if neither
   * does; a status column may say otherwise per row); null for other formats.
   */
  mailchimpStatus: MailchimpFileStatus | null;
}

export interface SourceRow {
  line: number;
  cells: string[];
}

/** A file's rows and how to read them: what planImport plans from. */
export interface ReadableFile {
  reader: ReaderSpec;
  rows: SourceRow[];
}

export type ReadRow = (line: number, cells: string[]) => RowReading;

export function rowReader(spec: ReaderSpec): ReadRow {
  const mapped = mappedFile(spec.fileIndex, spec.fileName, spec.headers, spec.mapping);
  const status = spec.mailchimpStatus;
  return (line, cells) =>
    readRow(
      mapped,
      line,
      cells,
      spec.context,
      status ? mailchimpExtras({ status, fileName: spec.fileName, line }, spec.context) : undefined,
    );
}

/**
 * The readings of each file's rows, in order, a chunk at a time: planImport awaits each chunk, so
 * they may come from worker threads while it matches the ones before.
 */
export type Readings = (fileIndex: number) => AsyncIterable<RowReading[]>;

/** Readings made in this thread, as planImport asks for them. */
export function readingsInThread(files: ReadableFile[], chunkRows: number): Readings {
  return async function* (fileIndex) {
    const file = files[fileIndex]!;
    const read = rowReader(file.reader);
    for (let start = 0; start < file.rows.length; start += chunkRows) {
      yield file.rows.slice(start, start + chunkRows).map(({ line, cells }) => read(line, cells));
    }
  };
}
