// Where a register's files live. The register is `<name>` (the SQLCipher database, with its
// -wal/-shm companions); the keyring, the audit head and the login back-off state sit beside it.
import { existsSync } from 'node:fs';
import { auditHeadPath, pendingAuditHeadPath } from '../audit';
import { keyringPath, pendingKeyringPath } from '../keyring';
import { throttlePath } from '../login-throttle';
import { removedUsersPath } from './removed-users';

export interface RegisterFiles {
  database: string;
  keyring: string;
  pendingKeyring: string;
  auditHead: string;
  /** The head sealed with the new key, written and put in place with the keyring by a re-key. */
  pendingAuditHead: string;
  throttle: string;
  /** Users removed from this register (removed-users.ts), read again at every restore. */
  removedUsers: string;
}

export function registerFiles(databasePath: string): RegisterFiles {
  return {
    database: databasePath,
    keyring: keyringPath(databasePath),
    pendingKeyring: pendingKeyringPath(databasePath),
    auditHead: auditHeadPath(databasePath),
    pendingAuditHead: pendingAuditHeadPath(databasePath),
    throttle: throttlePath(databasePath),
    removedUsers: removedUsersPath(databasePath),
  };
}

export function registerExists(databasePath: string): boolean {
  const files = registerFiles(databasePath);
  return existsSync(files.database) && existsSync(files.keyring);
}
