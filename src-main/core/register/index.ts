export { registerExists, registerFiles, type RegisterFiles } from './files';
export { createRegister, type NewOwner } from './create';
export { openWithRecoveryKey, recoverAccess, unlockRegister } from './unlock';
export { UnlockedRegister, type RegisterDeps, type SessionUser } from './unlocked';
export {
  acceptAuditLog,
  checkDerivedState,
  verifyAnchor,
  verifyRegister,
  type AnchorProblem,
  type AnchorVerification,
  type RegisterVerification,
} from './verify';
export { defaultRegisterDeps } from './deps';
export { rekeyWithNewPassword, rotateRegisterKey } from './rotate';
export { listEntries } from './keyring-list';
export {
  appendRemovedUsers,
  readRemovedUsers,
  recordRemovedUser,
  removedUsersPath,
  type RemovedUser,
} from './removed-users';
export {
  companionsOf,
  confirmRestore,
  readRestoreConfirmation,
  undoRestore,
  writeRestoreConfirmation,
  type RestoreConfirmation,
} from './restore-confirmation';
export type { OpenOptions } from './unlock';
