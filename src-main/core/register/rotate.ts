// Re-keying on demand: a new database key (and, if asked, a new recovery key). Backups made before
// keep the keyring they were made with, so they open with the recovery key and passwords valid
// then; the backup list says which (core/backup/history.ts).
import { formatRecoveryKey, withNewRecoveryKey } from '../keyring';
import { assertRole } from '../users';
import type { UnlockedRegister } from './unlocked';

export function rotateRegisterKey(
  register: UnlockedRegister,
  options: { newRecoveryKey: boolean },
): { keyVersion: number; recoveryKey: string | null } {
  assertRole(register, 'owner');
  const { keyVersion } = register.rekey();
  let recoveryKey: string | null = null;
  if (options.newRecoveryKey) {
    const { keyring, recoverySecret } = register.withDatabaseKey((key) =>
      withNewRecoveryKey(register.readKeyring(), key, register.keyringContext),
    );
    register.writeKeyring(keyring);
    recoveryKey = formatRecoveryKey(recoverySecret);
    recoverySecret.fill(0);
  }
  register.transaction(() =>
    register.audit({
      action: 'register.rekeyed',
      targetType: 'register',
      details: { keyVersion, newRecoveryKey: options.newRecoveryKey },
    }),
  );
  return { keyVersion, recoveryKey };
}
