export * from './keyring';
export * from './store';
export { formatRecoveryKey, parseRecoveryKey } from './recovery-key';
export { OWASP_SCRYPT, type ScryptParams } from './crypto';
