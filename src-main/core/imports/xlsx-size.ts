// How large an .xlsx unpacks, checked before read-excel-file unpacks it: a few megabytes of
// compressed sheet XML could otherwise fill memory and take a minute before the parse gives up.
import { BlobReader, ZipReader, type FileEntry } from '@zip.js/zip.js';
import { UnreadableFileError } from './table';
import { MAX_XLSX_UNPACKED_BYTES } from './vocabulary';

/** The parts read-excel-file unpacks, by its own filter; pictures and printer settings it skips. */
const isReadPart = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');

/**
 * Refuses an .xlsx whose XML parts unpack beyond MAX_XLSX_UNPACKED_BYTES, by the sizes the zip's
 * central directory declares and then by inflating each part into nothing: the declared sizes
 * could lie, and zip.js stops a part at the chunk that inflates beyond its declared size. The
 * reader that follows (read-excel-file's universal build, fflate) reads the same central directory
 * and unpacks each part into a buffer of its declared size, so what it unpacks is what was checked.
 */
export async function checkXlsxSize(fileName: string, bytes: Uint8Array): Promise<void> {
  const tooLarge = (detail: string) => new UnreadableFileError(fileName, null, detail, 'xlsx_too_large');
  const reader = new ZipReader(new BlobReader(new Blob([bytes])), { useWebWorkers: false });
  try {
    const parts = (await reader.getEntries()).filter(
      (entry): entry is FileEntry => !entry.directory && isReadPart(entry.filename),
    );
    const declared = parts.reduce((sum, part) => sum + part.uncompressedSize, 0);
    if (declared > MAX_XLSX_UNPACKED_BYTES) throw tooLarge(`its XML parts declare ${declared} bytes unpacked`);
    let inflated = 0;
    for (const part of parts) {
      const counter = new WritableStream<Uint8Array>({
        write(chunk) {
          inflated += chunk.byteLength;
          if (inflated > MAX_XLSX_UNPACKED_BYTES) throw tooLarge(`its XML parts inflate past ${inflated} bytes`);
        },
      });
      await part.getData(counter);
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    // Not a zip, or a part that inflates to more (or less) than it declares.
    throw new UnreadableFileError(
      fileName,
      null,
      error instanceof Error ? error.message : String(error),
      'damaged_xlsx',
    );
  } finally {
    await reader.close();
  }
}
