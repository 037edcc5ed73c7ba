// What the window saves as a download (mailing lists, labels, the contacts table, the audit CSV, an
// import's problems, a request's attachments) holds personal data, so it is made its owner's alone
// (0600) once saved: Chromium gives a finished download the usual mode, 0644 under umask 022.
import { makePrivate } from '../core/written-files';

type DownloadState = 'completed' | 'cancelled' | 'interrupted';

/** The parts of Electron's Session and DownloadItem used here (both are Node EventEmitters). */
export interface DownloadingSession {
  on(event: 'will-download', listener: (event: unknown, item: SavedDownload) => void): unknown;
}
export interface SavedDownload {
  getSavePath(): string;
  once(event: 'done', listener: (event: unknown, state: DownloadState) => void): unknown;
}

export function keepDownloadsPrivate(session: DownloadingSession): void {
  session.on('will-download', (_event, item) => {
    item.once('done', (_done, state) => {
      if (state === 'completed') makePrivate(item.getSavePath());
    });
  });
}
