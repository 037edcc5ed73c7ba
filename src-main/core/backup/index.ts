export { createBackup, type BackupManifest } from './backup';
export { COUNTED_TABLES, countRows, sha256File, verifyDatabaseCopy } from './copy-check';
export { appendLedger, ledgerPath, readLedger, reconcileLedger, type LedgerEntry } from './ledger';
export { readManifest, restoreBackup, type RestoreCredentials } from './restore';
export { backupNow, backupStatus, listBackups, pruneBackups, type BackupAttempt, type BackupStatus } from './history';
