// Saving a file the window holds through the browser's own download (Electron asks where): the
// window never names a path on the computer.
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is no longer needed.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
