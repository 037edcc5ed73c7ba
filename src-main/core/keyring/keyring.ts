// The keyring holds the register's database key, wrapped once per user and once for the
// recovery key. Each user (and the recovery key) owns an X25519 key pair: the database key is
// sealed to every public key, and each private key is sealed with a key derived from the user's
// password (scrypt) or from the recovery secret (HKDF). That split is what lets the owner re-key
// the register when someone leaves without knowing anybody else's password.
// Nothing personal is stored in the clear: users are identified by an HMAC of their username.
import { createHmac } from 'node:crypto';
import { KaappiError, WrongCredentialsError } from '../../../src-shared/errors';
import type { RandomSource } from '../clock';
import {
  b64,
  deriveKeyFromPassword,
  deriveKeyFromRecoverySecret,
  fromB64,
  generateKeyPair,
  open,
  openWithPrivateKey,
  seal,
  sealToPublicKey,
  type ScryptParams,
  type Sealed,
  type SealedToPublicKey,
} from './crypto';
import { parseRecoveryKey } from './recovery-key';

export type KeyDerivation =
  { name: 'scrypt'; N: number; r: number; p: number; salt: string } | { name: 'hkdf-sha256'; salt: string };

export interface KeyringEntry {
  id: string;
  kind: 'user' | 'recovery';
  /** HMAC-SHA256 of the normalised username under the keyring's salt; absent for recovery. */
  userTag?: string;
  kdf: KeyDerivation;
  publicKey: string;
  privateKey: Sealed;
  databaseKey: SealedToPublicKey;
}

export interface Keyring {
  format: 'kaappi-keyring';
  version: 1;
  registerId: string;
  /** Grows by one at every re-key; bound into each sealed database key. */
  keyVersion: number;
  usernameSalt: string;
  entries: KeyringEntry[];
}

export interface KeyringContext {
  random: RandomSource;
  scrypt: ScryptParams;
}

export function normaliseUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

export function userTag(keyring: Pick<Keyring, 'usernameSalt'>, username: string): string {
  return createHmac('sha256', fromB64(keyring.usernameSalt)).update(normaliseUsername(username)).digest('base64url');
}

type EntryIdentity = Pick<KeyringEntry, 'id' | 'userTag'>;
// The user tag is bound into both seals: moving an entry to another user's tag (to log in as
// them with one's own password) makes it fail to open.
const privateKeyAad = (keyring: Keyring, entry: EntryIdentity) =>
  `kaappi/private-key/${keyring.registerId}/${entry.id}/${entry.userTag ?? 'recovery'}`;
const databaseKeyAad = (keyring: Keyring, entry: EntryIdentity) =>
  `kaappi/database-key/${keyring.registerId}/${keyring.keyVersion}/${entry.id}/${entry.userTag ?? 'recovery'}`;

async function passwordEntryParts(password: string, ctx: KeyringContext) {
  const salt = ctx.random(16);
  const kdf: KeyDerivation = { name: 'scrypt', ...ctx.scrypt, salt: b64(salt) };
  const kek = await deriveKeyFromPassword(password, salt, ctx.scrypt);
  return { kdf, kek };
}

function makeEntry(
  keyring: Keyring,
  databaseKey: Buffer,
  parts: { kind: KeyringEntry['kind']; userTag?: string; kdf: KeyDerivation; kek: Buffer },
  ctx: KeyringContext,
): KeyringEntry {
  const identity: EntryIdentity = { id: b64(ctx.random(12)), ...(parts.userTag ? { userTag: parts.userTag } : {}) };
  const pair = generateKeyPair();
  const entry: KeyringEntry = {
    ...identity,
    kind: parts.kind,
    kdf: parts.kdf,
    publicKey: pair.publicKey,
    privateKey: seal(parts.kek, pair.privateKeyDer, privateKeyAad(keyring, identity), ctx.random),
    databaseKey: sealToPublicKey(pair.publicKey, databaseKey, databaseKeyAad(keyring, identity), ctx.random),
  };
  pair.privateKeyDer.fill(0);
  parts.kek.fill(0);
  return entry;
}

/** A new keyring with the owner's entry and a recovery entry. Returns the recovery secret once. */
export async function createKeyring(
  args: { registerId: string; databaseKey: Buffer; ownerUsername: string; ownerPassword: string },
  ctx: KeyringContext,
): Promise<{ keyring: Keyring; recoverySecret: Buffer }> {
  const keyring: Keyring = {
    format: 'kaappi-keyring',
    version: 1,
    registerId: args.registerId,
    keyVersion: 1,
    usernameSalt: b64(ctx.random(16)),
    entries: [],
  };
  const owner = await passwordEntryParts(args.ownerPassword, ctx);
  keyring.entries.push(
    makeEntry(
      keyring,
      args.databaseKey,
      { kind: 'user', userTag: userTag(keyring, args.ownerUsername), ...owner },
      ctx,
    ),
  );
  const recoverySecret = ctx.random(32);
  keyring.entries.push(recoveryEntry(keyring, args.databaseKey, recoverySecret, ctx));
  return { keyring, recoverySecret };
}

function recoveryEntry(keyring: Keyring, databaseKey: Buffer, secret: Buffer, ctx: KeyringContext): KeyringEntry {
  const salt = ctx.random(16);
  return makeEntry(
    keyring,
    databaseKey,
    { kind: 'recovery', kdf: { name: 'hkdf-sha256', salt: b64(salt) }, kek: deriveKeyFromRecoverySecret(secret, salt) },
    ctx,
  );
}

export function findUserEntry(keyring: Keyring, username: string): KeyringEntry | undefined {
  return userEntries(keyring, username)[0];
}

function userEntries(keyring: Keyring, username: string): KeyringEntry[] {
  const tag = userTag(keyring, username);
  return keyring.entries.filter((entry) => entry.kind === 'user' && entry.userTag === tag);
}

async function keyEncryptionKey(entry: KeyringEntry, secret: string | Buffer): Promise<Buffer> {
  if (entry.kdf.name === 'scrypt') {
    if (typeof secret !== 'string') throw new KaappiError('KEYRING_INVALID');
    const { N, r, p, salt } = entry.kdf;
    return deriveKeyFromPassword(secret, fromB64(salt), { N, r, p });
  }
  if (typeof secret === 'string') throw new KaappiError('KEYRING_INVALID');
  return deriveKeyFromRecoverySecret(secret, fromB64(entry.kdf.salt));
}

function openEntry(
  keyring: Keyring,
  entry: KeyringEntry,
  kek: Buffer,
): { databaseKey: Buffer; privateKeyDer: Buffer } | null {
  const privateKeyDer = open(kek, entry.privateKey, privateKeyAad(keyring, entry));
  kek.fill(0);
  if (!privateKeyDer) return null;
  const databaseKey = openWithPrivateKey(
    privateKeyDer,
    entry.publicKey,
    entry.databaseKey,
    databaseKeyAad(keyring, entry),
  );
  if (!databaseKey) {
    privateKeyDer.fill(0);
    throw new KaappiError('KEYRING_INVALID');
  }
  return { databaseKey, privateKeyDer };
}

/** The database key and the entry that gave it: the register checks that entry is on its list. */
export interface OpenedKey {
  databaseKey: Buffer;
  entry: KeyringEntry;
}

/**
 * Unwraps the database key with a user's password. Wrong username or password: same error, same
 * work. Every entry with the user's tag is tried, so an entry added in front of the real one
 * cannot shut the user out; the register refuses whichever one is not on its list (unlock.ts).
 */
export async function openKeyWithPassword(keyring: Keyring, username: string, password: string): Promise<OpenedKey> {
  const candidates = userEntries(keyring, username);
  if (candidates.length === 0) {
    // An unknown user still costs one KDF run, so timing does not reveal which usernames exist.
    const decoy = keyring.entries.find((e) => e.kdf.name === 'scrypt') ?? missingEntry();
    (await keyEncryptionKey(decoy, password)).fill(0);
    throw new WrongCredentialsError();
  }
  for (const entry of candidates) {
    const opened = openEntry(keyring, entry, await keyEncryptionKey(entry, password));
    if (!opened) continue;
    opened.privateKeyDer.fill(0);
    return { databaseKey: opened.databaseKey, entry };
  }
  throw new WrongCredentialsError();
}

export async function unlockWithPassword(keyring: Keyring, username: string, password: string): Promise<Buffer> {
  return (await openKeyWithPassword(keyring, username, password)).databaseKey;
}

function missingEntry(): never {
  throw new KaappiError('KEYRING_INVALID');
}

/** As openKeyWithPassword, for the recovery key: every recovery entry is tried. */
export async function openKeyWithRecoveryKey(keyring: Keyring, recoveryKey: string): Promise<OpenedKey> {
  const secret = parseRecoveryKey(recoveryKey);
  if (!secret) throw new KaappiError('WRONG_RECOVERY_KEY');
  try {
    for (const entry of keyring.entries.filter((e) => e.kind === 'recovery')) {
      const opened = openEntry(keyring, entry, await keyEncryptionKey(entry, secret));
      if (!opened) continue;
      opened.privateKeyDer.fill(0);
      return { databaseKey: opened.databaseKey, entry };
    }
  } finally {
    secret.fill(0);
  }
  throw new KaappiError('WRONG_RECOVERY_KEY');
}

export async function unlockWithRecoveryKey(keyring: Keyring, recoveryKey: string): Promise<Buffer> {
  return (await openKeyWithRecoveryKey(keyring, recoveryKey)).databaseKey;
}

/**
 * A new entry for a user, sealed with a password: when a user is added, changes their password,
 * or the owner or the recovery key resets it. It needs the database key, not the old password.
 */
export async function newUserEntry(
  keyring: Keyring,
  databaseKey: Buffer,
  username: string,
  password: string,
  ctx: KeyringContext,
): Promise<KeyringEntry> {
  const parts = await passwordEntryParts(password, ctx);
  return makeEntry(keyring, databaseKey, { kind: 'user', userTag: userTag(keyring, username), ...parts }, ctx);
}

/** The keyring with `entry` in place of every other entry of its user (or of the recovery key). */
export function withEntry(keyring: Keyring, entry: KeyringEntry): Keyring {
  const replaces = (e: KeyringEntry) =>
    entry.kind === 'recovery' ? e.kind === 'recovery' : e.kind === 'user' && e.userTag === entry.userTag;
  return { ...keyring, entries: [...keyring.entries.filter((e) => !replaces(e)), entry] };
}

/** Seals a new database key to every entry's public key; no password is needed. */
export function rotateDatabaseKey(keyring: Keyring, newDatabaseKey: Buffer, ctx: KeyringContext): Keyring {
  const next: Keyring = { ...keyring, keyVersion: keyring.keyVersion + 1 };
  next.entries = keyring.entries.map((entry) => ({
    ...entry,
    databaseKey: sealToPublicKey(entry.publicKey, newDatabaseKey, databaseKeyAad(next, entry), ctx.random),
  }));
  return next;
}

/** An entry for a fresh recovery secret, to replace the current one (withEntry). */
export function newRecoveryEntry(
  keyring: Keyring,
  databaseKey: Buffer,
  ctx: KeyringContext,
): { entry: KeyringEntry; recoverySecret: Buffer } {
  const recoverySecret = ctx.random(32);
  return { entry: recoveryEntry(keyring, databaseKey, recoverySecret, ctx), recoverySecret };
}
