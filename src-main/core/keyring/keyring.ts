// The keyring holds the register's database key, wrapped once per user and once for the
// recovery key. Each user (and the recovery key) owns an X25519 key pair: the database key is
// sealed to every public key, and each private key is sealed with a key derived from the user's
// password (scrypt) or from the recovery secret (HKDF). That split is what lets the owner re-key
// the register when someone leaves without knowing anybody else's password.
// Nothing personal is stored in the clear: users are identified by an HMAC of their username.
import { createHmac } from 'node:crypto';
import { KaappiError, WrongCredentialsError } from '../errors';
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
  const tag = userTag(keyring, username);
  return keyring.entries.find((entry) => entry.kind === 'user' && entry.userTag === tag);
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

/** Unwraps the database key with a user's password. Wrong username or password: same error, same work. */
export async function unlockWithPassword(keyring: Keyring, username: string, password: string): Promise<Buffer> {
  const entry = findUserEntry(keyring, username);
  // An unknown user still costs one KDF run, so timing does not reveal which usernames exist.
  const decoy: KeyringEntry | undefined = keyring.entries.find((e) => e.kdf.name === 'scrypt');
  const kek = await keyEncryptionKey(entry ?? decoy ?? missingEntry(), password);
  if (!entry) {
    kek.fill(0);
    throw new WrongCredentialsError();
  }
  const opened = openEntry(keyring, entry, kek);
  if (!opened) throw new WrongCredentialsError();
  opened.privateKeyDer.fill(0);
  return opened.databaseKey;
}

function missingEntry(): never {
  throw new KaappiError('KEYRING_INVALID');
}

export async function unlockWithRecoveryKey(keyring: Keyring, recoveryKey: string): Promise<Buffer> {
  const secret = parseRecoveryKey(recoveryKey);
  const entry = keyring.entries.find((e) => e.kind === 'recovery');
  if (!secret || !entry) throw new KaappiError('WRONG_RECOVERY_KEY');
  const opened = openEntry(keyring, entry, await keyEncryptionKey(entry, secret));
  secret.fill(0);
  if (!opened) throw new KaappiError('WRONG_RECOVERY_KEY');
  opened.privateKeyDer.fill(0);
  return opened.databaseKey;
}

/**
 * Gives a user a (new) entry sealed with a password. Used when a user is added and when the owner
 * or the recovery key resets a password: it needs the database key, not the old password.
 */
export async function withUserPassword(
  keyring: Keyring,
  databaseKey: Buffer,
  username: string,
  password: string,
  ctx: KeyringContext,
): Promise<Keyring> {
  const tag = userTag(keyring, username);
  const parts = await passwordEntryParts(password, ctx);
  const entry = makeEntry(keyring, databaseKey, { kind: 'user', userTag: tag, ...parts }, ctx);
  return { ...keyring, entries: [...keyring.entries.filter((e) => e.userTag !== tag), entry] };
}

export function withoutUsers(keyring: Keyring, keepTags: ReadonlySet<string>): Keyring {
  return { ...keyring, entries: keyring.entries.filter((e) => e.kind === 'recovery' || keepTags.has(e.userTag ?? '')) };
}

/** Seals a new database key to every remaining entry's public key; no password is needed. */
export function rotateDatabaseKey(keyring: Keyring, newDatabaseKey: Buffer, ctx: KeyringContext): Keyring {
  const next: Keyring = { ...keyring, keyVersion: keyring.keyVersion + 1 };
  next.entries = keyring.entries.map((entry) => ({
    ...entry,
    databaseKey: sealToPublicKey(entry.publicKey, newDatabaseKey, databaseKeyAad(next, entry), ctx.random),
  }));
  return next;
}

/** Replaces the recovery entry with one for a fresh secret (the old recovery key stops working). */
export function withNewRecoveryKey(
  keyring: Keyring,
  databaseKey: Buffer,
  ctx: KeyringContext,
): { keyring: Keyring; recoverySecret: Buffer } {
  const recoverySecret = ctx.random(32);
  const entries = keyring.entries.filter((e) => e.kind !== 'recovery');
  const next = { ...keyring, entries };
  next.entries = [...entries, recoveryEntry(next, databaseKey, recoverySecret, ctx)];
  return { keyring: next, recoverySecret };
}
