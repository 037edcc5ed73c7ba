// The one application window, locked down as shell-policy.ts decides: isolated, sandboxed, no Node,
// no navigation, no popups, no permissions. The Content-Security-Policy is in src-renderer/index.html
// and repeated here as a response header for anything served in development.
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_STYLE_CSP_SOURCE } from '../core/documents';
import { keepDownloadsPrivate } from './downloads';
import {
  chooseRendererEntry,
  hardenContents,
  hardenSession as hardenSessionWith,
  type RendererEntry,
  windowWebPreferences,
} from './shell-policy';

const here = fileURLToPath(new URL('.', import.meta.url));
// The one inline style allowed is that of document previews (letters, notices), by its hash.
const CSP = `default-src 'self'; script-src 'self'; style-src 'self' ${DOCUMENT_STYLE_CSP_SOURCE}; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function rendererEntry(): RendererEntry {
  return chooseRendererEntry({
    packaged: app.isPackaged,
    env: process.env,
    builtFile: join(here, '../renderer/index.html'),
  });
}

export function hardenSession(): void {
  hardenSessionWith(session.defaultSession, CSP);
  keepDownloadsPrivate(session.defaultSession);
}

/** The window loads the same entry the IPC bridge trusts (index.ts passes one to both). */
export function createMainWindow(entry: RendererEntry): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Kaappi',
    autoHideMenuBar: true,
    webPreferences: windowWebPreferences(join(here, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  hardenContents(window.webContents);
  if (entry.kind === 'dev-server') void window.loadURL(entry.url);
  else void window.loadFile(entry.file);
  return window;
}
