// What the audit log keeps of the files an action wrote or read: how many, and the SHA-256 of each
// one's content, so the owner can match a file in hand to its entry. A name or folder the user
// chose can name a person ("Ääritapaus Kolmas"), and the log outlives that person's erasure.
import { createHash } from 'node:crypto';

export const sha256Hex = (content: Uint8Array | string) => createHash('sha256').update(content).digest('hex');

/** Audit details for files by their hashes, in the order they were written or given. */
export function fileTrail(sha256s: readonly string[]): { files: number; sha256: string } {
  return { files: sha256s.length, sha256: sha256s.join(',') };
}
