// The files a user picked, as tables: a CSV or XLSX file is one table, a zip (the Mailchimp
// audience export) is the tables of the CSV and XLSX files in it. Sizes are checked before
// anything is unpacked, so a zip bomb is refused rather than filling memory.
import { BlobReader, Uint8ArrayWriter, ZipReader, type FileEntry } from '@zip.js/zip.js';
import { showUnsafeCharacters } from '../../../src-shared/fields';
import { readCsv, readXlsx, UnreadableFileError, type SourceTable } from './table';
import { checkXlsxSize } from './xlsx-size';
import { MAX_IMPORT_FILE_BYTES, MAX_UNZIPPED_BYTES } from './vocabulary';

export interface ImportFile {
  fileName: string;
  bytes: Uint8Array;
}

const extension = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
/**
 * The file's own name, without the folders a zip may keep it in, with any control or bidi
 * character written out as an escape: the name is told in problems and kept in consent evidence.
 */
export const baseName = (name: string) => showUnsafeCharacters(name.split(/[\\/]/).pop() ?? name);

const isZip = (file: ImportFile) =>
  extension(file.fileName) === 'zip' ||
  (file.bytes[0] === 0x50 && file.bytes[1] === 0x4b && extension(file.fileName) !== 'xlsx');

async function unzip(file: ImportFile): Promise<ImportFile[]> {
  const reader = new ZipReader(new BlobReader(new Blob([file.bytes])), { useWebWorkers: false });
  try {
    const entries = (await reader.getEntries()).filter(
      (entry): entry is FileEntry =>
        !entry.directory &&
        !entry.filename.startsWith('__MACOSX/') &&
        !baseName(entry.filename).startsWith('.') &&
        ['csv', 'txt', 'tsv', 'xlsx'].includes(extension(entry.filename)),
    );
    const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (total > MAX_UNZIPPED_BYTES) {
      throw new UnreadableFileError(file.fileName, null, 'the zip unpacks too large', 'zip_too_large');
    }
    const files: ImportFile[] = [];
    for (const entry of entries.sort((a, b) => a.filename.localeCompare(b.filename))) {
      const bytes = await entry.getData(new Uint8ArrayWriter());
      files.push({ fileName: baseName(entry.filename), bytes });
    }
    return files;
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(
      file.fileName,
      null,
      error instanceof Error ? error.message : String(error),
      'damaged_zip',
    );
  } finally {
    await reader.close();
  }
}

/** The tables in the files, in the order given (a zip's files by name). */
export async function readTables(files: ImportFile[]): Promise<SourceTable[]> {
  const tables: SourceTable[] = [];
  for (const given of files) {
    const file = { ...given, fileName: showUnsafeCharacters(given.fileName) };
    if (file.bytes.byteLength > MAX_IMPORT_FILE_BYTES) {
      throw new UnreadableFileError(file.fileName, null, 'the file is larger than 50 MB', 'too_large');
    }
    const inner = isZip(file) ? await unzip(file) : [file];
    for (const one of inner) {
      if (extension(one.fileName) !== 'xlsx') tables.push(readCsv(one.fileName, one.bytes));
      else {
        await checkXlsxSize(one.fileName, one.bytes);
        tables.push(await readXlsx(one.fileName, one.bytes));
      }
    }
  }
  return tables;
}
