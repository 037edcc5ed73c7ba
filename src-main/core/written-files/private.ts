// Writing a file only its owner may read or write (0600), whether it is new or replaces another:
// what leaves the register holds personal data, and a laptop may have other accounts on it.
import { appendFileSync, chmodSync, closeSync, fchmodSync, fsyncSync, openSync, writeSync } from 'node:fs';

const PRIVATE_FILE_MODE = 0o600;

/** Creates or replaces `path`, owner-only before its first byte, and flushes it to the disk. */
export function writePrivateFile(path: string, content: Uint8Array | string): void {
  const fd = openSync(path, 'w', PRIVATE_FILE_MODE);
  try {
    // The mode given to open applies only to a new file; one being replaced keeps its own.
    fchmodSync(fd, PRIVATE_FILE_MODE);
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** For a file something else wrote (a copy, a rename, a browser download) with the usual mode. */
export function makePrivate(path: string): void {
  chmodSync(path, PRIVATE_FILE_MODE);
}

/** Appends one JSON line per entry to an owner-only file and flushes it (the ledger, removed users). */
export function appendPrivateJsonLines(path: string, entries: readonly unknown[]): void {
  if (entries.length === 0) return;
  appendFileSync(path, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), { mode: PRIVATE_FILE_MODE });
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
