// The one application window, locked down: isolated, sandboxed, no Node, no navigation, no popups,
// no permissions. The Content-Security-Policy is in src-renderer/index.html and repeated here as
// a response header for anything served in development.
import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_STYLE_CSP_SOURCE } from '../core/documents';
import { keepDownloadsPrivate } from './downloads';

const here = fileURLToPath(new URL('.', import.meta.url));
// The one inline style allowed is that of document previews (letters, notices), by its hash.
const CSP = `default-src 'self'; script-src 'self'; style-src 'self' ${DOCUMENT_STYLE_CSP_SOURCE}; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function rendererEntry(): { url?: string; file: string } {
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  return { ...(devUrl ? { url: devUrl } : {}), file: join(here, '../renderer/index.html') };
}

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  keepDownloadsPrivate(session.defaultSession);
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Kaappi',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  const entry = rendererEntry();
  if (entry.url) void window.loadURL(entry.url);
  else void window.loadFile(entry.file);
  return window;
}
