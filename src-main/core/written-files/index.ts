// Files Kaappi writes out of the register (lists, labels, letters, notices, downloads): readable by
// their owner only, and known to the audit log by content hash, never by a name or folder.
export { appendPrivateJsonLines, makePrivate, writePrivateFile } from './private';
export { fileTrail, sha256Hex } from './trail';
