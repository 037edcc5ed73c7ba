// Connects Electron IPC to the handler registry. Who may call is decided in shell-policy.ts
// (isTrustedSender): only the app's own window, from its top frame, at the app's own address.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type PushEvent } from '../../src-shared/contract';
import type { Registry } from '../ipc/registry';
import { isTrustedSender, type RendererEntry } from './shell-policy';

function senderIsTrusted(event: IpcMainInvokeEvent, window: BrowserWindow, entry: RendererEntry): boolean {
  // senderFrame is read once, at once: a frame that navigated or went away is detached or null.
  const frame = event.senderFrame;
  return isTrustedSender(
    {
      senderIsWindow: event.sender === window.webContents,
      isMainFrame: frame !== null && !frame.detached && frame === window.webContents.mainFrame,
      frameUrl: frame?.url ?? null,
    },
    entry,
  );
}

export function bridgeIpc(
  getWindow: () => BrowserWindow | null,
  getRegistry: () => Registry,
  entry: RendererEntry,
): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
    const window = getWindow();
    if (!window || !senderIsTrusted(event, window, entry)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Forbidden' } };
    }
    return getRegistry().invoke(channel, input);
  });
}

export function pushToWindow(getWindow: () => BrowserWindow | null) {
  return (event: PushEvent) => getWindow()?.webContents.send(EVENT_CHANNEL, event);
}
