// The one "back up now" run of this window. On a large register a backup takes minutes while the
// app goes on (main runs it beside other calls), so the run lives outside any screen: the
// dashboard card and the backup screen show the same run, a second one cannot start meanwhile,
// and the result waits for whoever looks next. Forgotten when the register locks.
import { useSyncExternalStore } from 'react';
import { ApiError, invoke } from '../../api';
import type { BackupAttempt } from './backupText';

export type BackupOutcome =
  | { kind: 'none' }
  | { kind: 'cancelled' }
  | { kind: 'written'; attempt: BackupAttempt }
  /** `code` is main's error code; null for an error that did not come from main. */
  | { kind: 'failed'; code: string | null };

export interface BackupRun {
  running: boolean;
  outcome: BackupOutcome;
  /** Counts finished runs, so screens know when to read the status again. */
  finished: number;
}

const initial: BackupRun = { running: false, outcome: { kind: 'none' }, finished: 0 };
let state = initial;
/** Bumped on lock: a run that ends after the lock reports to nobody. */
let session = 0;
const listeners = new Set<() => void>();

function set(next: BackupRun): void {
  state = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useBackupRun(): BackupRun {
  return useSyncExternalStore(subscribe, () => state);
}

export async function startBackup(): Promise<void> {
  if (state.running) return;
  const mine = session;
  set({ ...state, running: true, outcome: { kind: 'none' } });
  let outcome: BackupOutcome;
  try {
    const attempt = await invoke('backup.now', {});
    outcome = attempt ? { kind: 'written', attempt } : { kind: 'cancelled' };
  } catch (error) {
    outcome = { kind: 'failed', code: error instanceof ApiError ? error.code : null };
  }
  if (mine === session) set({ running: false, outcome, finished: state.finished + 1 });
}

export function forgetBackupRun(): void {
  session += 1;
  set(initial);
}
