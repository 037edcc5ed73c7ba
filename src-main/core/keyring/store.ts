// Keyring files beside the register: `<register>.keyring` and, during a re-key, `<register>.keyring.next`.
// Writes are atomic (temp file, fsync, rename) so a crash never leaves a half-written keyring.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { KaappiError } from '../../../src-shared/errors';
import type { Keyring } from './keyring';

const sealed = z.object({ iv: z.string(), ciphertext: z.string(), tag: z.string() });
const keyringSchema = z.object({
  format: z.literal('kaappi-keyring'),
  version: z.literal(1),
  registerId: z.string().min(1),
  keyVersion: z.number().int().positive(),
  usernameSalt: z.string().min(1),
  entries: z.array(
    z.object({
      id: z.string().min(1),
      kind: z.enum(['user', 'recovery']),
      userTag: z.string().optional(),
      kdf: z.discriminatedUnion('name', [
        z.object({
          name: z.literal('scrypt'),
          N: z.number().int(),
          r: z.number().int(),
          p: z.number().int(),
          salt: z.string(),
        }),
        z.object({ name: z.literal('hkdf-sha256'), salt: z.string() }),
      ]),
      publicKey: z.string(),
      privateKey: sealed,
      databaseKey: sealed.extend({ ephemeralPublicKey: z.string() }),
    }),
  ),
});

export const keyringPath = (registerPath: string) => `${registerPath}.keyring`;
export const pendingKeyringPath = (registerPath: string) => `${registerPath}.keyring.next`;

export function readKeyringFile(path: string): Keyring {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new KaappiError('KEYRING_INVALID', {}, { cause });
  }
  const result = keyringSchema.safeParse(parsed);
  if (!result.success) throw new KaappiError('KEYRING_INVALID', {}, { cause: result.error });
  return result.data as Keyring;
}

export function writeFileAtomic(path: string, content: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

export function writeKeyringFile(path: string, keyring: Keyring): void {
  writeFileAtomic(path, `${JSON.stringify(keyring, null, 2)}\n`);
}

export function removeIfExists(path: string): void {
  if (existsSync(path)) rmSync(path);
}
