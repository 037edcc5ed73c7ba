// Re-keying: on demand (a new database key and, if asked, a new recovery key), and with a user's
// new password. Backups made before keep the keyring they were made with, so they open with the
// recovery key and passwords valid then; the backup list says which (core/backup/history.ts).
import { formatRecoveryKey, newRecoveryEntry, newUserEntry, withEntry } from '../keyring';
import { assertRole } from '../users';
import type { UnlockedRegister } from './unlocked';

export function rotateRegisterKey(
  register: UnlockedRegister,
  options: { newRecoveryKey: boolean },
): { keyVersion: number; recoveryKey: string | null } {
  assertRole(register, 'owner');
  // The new recovery entry goes into the keyring the re-key writes, so no crash can leave the
  // old recovery key opening the new key, or the new one opening nothing.
  const recovery = options.newRecoveryKey
    ? register.withDatabaseKey((key) => newRecoveryEntry(register.readKeyring(), key, register.keyringContext))
    : null;
  let keyVersion: number;
  try {
    ({ keyVersion } = register.rekey(
      recovery
        ? { edit: (keyring) => withEntry(keyring, recovery.entry), list: [{ entry: recovery.entry, userId: null }] }
        : {},
    ));
  } catch (error) {
    recovery?.recoverySecret.fill(0);
    throw error;
  }
  const recoveryKey = recovery ? formatRecoveryKey(recovery.recoverySecret) : null;
  recovery?.recoverySecret.fill(0);
  register.transaction(() =>
    register.audit({
      action: 'register.rekeyed',
      targetType: 'register',
      details: { keyVersion, newRecoveryKey: options.newRecoveryKey },
    }),
  );
  return { keyVersion, recoveryKey };
}

/**
 * Gives a user a new password by re-keying: their new entry is in the keyring the re-key writes,
 * the old one is not, so neither a crash half-way nor an old keyring copy leaves the old password
 * opening the register's new key. Needs the database key only, never the old password.
 */
export async function rekeyWithNewPassword(
  register: UnlockedRegister,
  user: { id: number; username: string },
  password: string,
): Promise<{ keyVersion: number }> {
  const entry = await register.withDatabaseKey((key) =>
    newUserEntry(register.readKeyring(), key, user.username, password, register.keyringContext),
  );
  const { keyVersion } = register.rekey({ edit: (k) => withEntry(k, entry), list: [{ entry, userId: user.id }] });
  return { keyVersion };
}
