// A restore keeps the register it replaced aside until the owner decides: confirming removes the
// copy (it would go on holding whoever is erased from now on), undoing puts it back. Until then
// only the owner may log in, and only to decide (unlock.ts, the registry, the CLI).
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { KaappiError } from '../../../src-shared/errors';
import { writeFileAtomic } from '../keyring';
import { assertRole } from '../users';
import type { UnlockedRegister } from './unlocked';

const confirmationSchema = z.object({
  state: z.enum(['pending', 'undone']),
  at: z.string(),
  keptAside: z.string(),
  backup: z.string(),
  backupCreatedAt: z.string(),
  erasedAgain: z.number().int(),
  /** Ids of the users the restore removed again. */
  usersRemovedAgain: z.array(z.number().int()),
});
export type RestoreConfirmation = z.infer<typeof confirmationSchema>;

export const restoreConfirmationPath = (registerPath: string) => `${registerPath}.restored`;

/** The files that move with a register, as a restore moves them (never `.logins` nor this marker). */
export const REGISTER_COMPANIONS = [
  '',
  '-wal',
  '-shm',
  '.keyring',
  '.keyring.next',
  '.erasures',
  '.removed-users',
  '.audit-head',
  '.audit-head.next',
] as const;
export const companionsOf = (path: string) => REGISTER_COMPANIONS.map((suffix) => path + suffix);

export function readRestoreConfirmation(registerPath: string): RestoreConfirmation | null {
  const path = restoreConfirmationPath(registerPath);
  if (!existsSync(path)) return null;
  try {
    return confirmationSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    // A damaged marker must not shut the owner out of their register; the copy kept aside
    // then stays until removed by hand (its name says what it is).
    return null;
  }
}

export function writeRestoreConfirmation(registerPath: string, confirmation: RestoreConfirmation): void {
  writeFileAtomic(restoreConfirmationPath(registerPath), `${JSON.stringify(confirmation, null, 2)}\n`);
}

/** The owner keeps the restored register: the copy kept aside is removed, and that is recorded. */
export function confirmRestore(register: UnlockedRegister): void {
  assertRole(register, 'owner');
  const pending = readRestoreConfirmation(register.files.database);
  if (pending?.state !== 'pending') throw new KaappiError('NOTHING_TO_CONFIRM');
  const removed = companionsOf(pending.keptAside).filter((path) => existsSync(path));
  register.transaction(() =>
    register.audit({
      action: 'backup.restore_confirmed',
      targetType: 'backup',
      targetId: pending.backup,
      details: { keptAsideFilesRemoved: removed.length },
    }),
  );
  for (const path of removed) rmSync(path, { force: true });
  rmSync(restoreConfirmationPath(register.files.database), { force: true });
}

/**
 * The owner undoes the restore: the register kept aside is put back and the restored one is
 * removed (its backup is still where it was restored from). The restored register must be closed
 * first; the register put back records the undo at its next unlock (recordUndoneRestore).
 */
export function undoRestore(registerPath: string, at: string): void {
  const pending = readRestoreConfirmation(registerPath);
  if (pending?.state !== 'pending') throw new KaappiError('NOTHING_TO_CONFIRM');
  if (!existsSync(pending.keptAside)) throw new KaappiError('REGISTER_MISSING');
  const restored = companionsOf(registerPath);
  companionsOf(pending.keptAside).forEach((path, i) => {
    rmSync(restored[i]!, { force: true });
    if (existsSync(path)) renameSync(path, restored[i]!);
  });
  writeRestoreConfirmation(registerPath, { ...pending, state: 'undone', at });
}

/** At the unlock after an undo: the register put back records it, and the marker goes. */
export function recordUndoneRestore(register: UnlockedRegister, confirmation: RestoreConfirmation): void {
  register.transaction(() =>
    register.auditAnonymous({
      action: 'backup.restore_undone',
      targetType: 'backup',
      targetId: confirmation.backup,
      details: { undoneAt: confirmation.at },
    }),
  );
  rmSync(restoreConfirmationPath(register.files.database), { force: true });
}
