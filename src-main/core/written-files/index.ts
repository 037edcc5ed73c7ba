// Files Kaappi writes out of the register (lists, labels, letters, notices, downloads): known to
// the audit log by content hash, never by a name or folder.
export { fileTrail, sha256Hex } from './trail';
