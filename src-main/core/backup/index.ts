export { COUNTED_TABLES, countRows, createBackup, verifyDatabaseCopy, type BackupManifest } from './backup';
export { appendLedger, ledgerPath, readLedger, reconcileLedger, type LedgerEntry } from './ledger';
export { readManifest, restoreBackup, type RestoreCredentials } from './restore';
export { backupNow, backupStatus, listBackups, pruneBackups, type BackupAttempt, type BackupStatus } from './history';
