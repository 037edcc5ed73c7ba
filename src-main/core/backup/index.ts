export { COUNTED_TABLES, countRows, createBackup, verifyDatabaseCopy, type BackupManifest } from './backup';
export { sha256File } from './copy-check';
export { appendLedger, ledgerPath, readLedger, reconcileLedger, type LedgerEntry } from './ledger';
export { readManifest, restoreBackup, type RestoreCredentials } from './restore';
export { backupNow, backupStatus, listBackups, pruneBackups, type BackupAttempt, type BackupStatus } from './history';
