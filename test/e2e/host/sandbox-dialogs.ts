// The dev host's stand-in for the system's folder and file dialogs: when a handler asks, the page
// shows a chooser (bridge.ts) listing folders, or backup manifests, inside a sandbox folder. The
// page answers with the index of a listed choice, never a path, as the real dialogs keep paths in main.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Dialogs } from '../../../src-main/ipc/registry';

/** What the page is asked to show: the choices by their names under the sandbox. */
export interface DialogQuestion {
  id: number;
  kind: 'folder' | 'backup';
  purpose: string | null;
  sandbox: string;
  choices: string[];
}

/** Folders a new dev sandbox starts with, so that every journey has somewhere to save. */
export const SANDBOX_FOLDERS = ['USB-muisti', 'Asiakirjat', 'Varmuuskopiot'];

export interface SandboxDialogs {
  dialogs: Dialogs;
  /** Answers the open question (null = cancelled); false if it is no longer open. */
  answer(id: number, choice: number | null): boolean;
}

export function sandboxDialogs(sandbox: string, ask: (question: DialogQuestion) => void): SandboxDialogs {
  for (const folder of SANDBOX_FOLDERS) mkdirSync(join(sandbox, folder), { recursive: true });
  let nextId = 1;
  let open: { question: DialogQuestion; paths: string[]; resolve: (path: string | null) => void } | null = null;

  function question(kind: DialogQuestion['kind'], purpose: string | null, paths: string[]): Promise<string | null> {
    open?.resolve(null); // a new question cancels one left unanswered
    return new Promise((resolve) => {
      const choices = paths.map((path) => relative(sandbox, path) || basename(sandbox));
      open = { question: { id: nextId++, kind, purpose, sandbox, choices }, paths, resolve };
      ask(open.question);
    });
  }

  return {
    dialogs: {
      chooseFolder: (purpose) => question('folder', purpose, [sandbox, ...foldersUnder(sandbox, 2)]),
      chooseBackup: () => question('backup', null, manifestsUnder(sandbox, 3)),
    },
    answer(id, choice) {
      if (!open || open.question.id !== id) return false;
      const { paths, resolve } = open;
      open = null;
      resolve(choice === null ? null : (paths[choice] ?? null));
      return true;
    },
  };
}

function entries(folder: string) {
  try {
    return readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

function foldersUnder(folder: string, depth: number): string[] {
  if (depth === 0) return [];
  return entries(folder)
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      return [path, ...foldersUnder(path, depth - 1)];
    });
}

/** Backup manifests, newest first (backup names sort by time). */
function manifestsUnder(folder: string, depth: number): string[] {
  const found = [folder, ...foldersUnder(folder, depth)].flatMap((dir) =>
    entries(dir)
      .filter((entry) => entry.isFile() && entry.name.endsWith('.manifest.json'))
      .map((entry) => join(dir, entry.name)),
  );
  return found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}
