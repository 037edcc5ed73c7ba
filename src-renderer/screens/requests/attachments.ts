// Attachments of a request cross to main as base64 (a scanned letter, 10 MB at most), and come back
// the same way to be downloaded.
import { downloadBlob } from '../../components/download';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export interface PickedFile {
  fileName: string;
  mediaType: string;
  base64: string;
  size: number;
}

export function readAsBase64(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({
        fileName: file.name.slice(0, 200) || 'liite',
        mediaType: (file.type || 'application/octet-stream').slice(0, 100),
        base64: url.slice(url.indexOf(',') + 1),
        size: file.size,
      });
    };
    reader.readAsDataURL(file);
  });
}

/** Saves a file that came from main through the browser's own download (no path from the window). */
export function downloadBase64(file: { fileName: string; mediaType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
  downloadBlob(file.fileName, new Blob([bytes], { type: file.mediaType }));
}
