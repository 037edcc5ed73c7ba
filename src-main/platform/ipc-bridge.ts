// Connects Electron IPC to the handler registry. Only the app's own window may call, and only
// from its top frame at the app's own address.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type PushEvent } from '../ipc/contract';
import type { Registry } from '../ipc/registry';
import { rendererEntry } from './window';

function isOwnFrame(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (!frame || event.sender !== window.webContents || frame !== window.webContents.mainFrame) return false;
  const entry = rendererEntry();
  const url = new URL(frame.url);
  return entry.url ? url.origin === new URL(entry.url).origin : url.protocol === 'file:';
}

export function bridgeIpc(getWindow: () => BrowserWindow | null, getRegistry: () => Registry): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
    const window = getWindow();
    if (!window || !isOwnFrame(event, window)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Forbidden' } };
    }
    return getRegistry().invoke(channel, input);
  });
}

export function pushToWindow(getWindow: () => BrowserWindow | null) {
  return (event: PushEvent) => getWindow()?.webContents.send(EVENT_CHANNEL, event);
}
