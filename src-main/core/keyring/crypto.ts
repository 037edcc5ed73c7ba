// Cryptographic building blocks of the keyring: password KDF, X25519 key wrapping, AES-256-GCM.
// Everything here uses Node's built-in crypto (OpenSSL), nothing hand-rolled.
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  scrypt,
  type KeyObject,
} from 'node:crypto';
import type { RandomSource } from '../clock';

/**
 * scrypt cost. The default is the OWASP Password Storage Cheat Sheet's first recommendation
 * (N=2^17, r=8, p=1: 128 MiB per guess). Tests may pass a cheaper cost; the keyring records the
 * parameters of each entry, so an entry always opens with the cost it was made with.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

export function deriveKeyFromPassword(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, 32, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** The recovery key has 256 random bits, so a fast KDF is enough to turn it into a wrapping key. */
export function deriveKeyFromRecoverySecret(secret: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, 'kaappi recovery key v1', 32));
}

export interface Sealed {
  iv: string;
  ciphertext: string;
  tag: string;
}

export function seal(key: Buffer, plaintext: Buffer, aad: string, random: RandomSource): Sealed {
  const iv = random(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: b64(iv), ciphertext: b64(ciphertext), tag: b64(cipher.getAuthTag()) };
}

/** Returns null when the key is wrong or anything was tampered with (GCM authentication fails). */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, fromB64(sealed.iv));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(fromB64(sealed.tag));
    return Buffer.concat([decipher.update(fromB64(sealed.ciphertext)), decipher.final()]);
  } catch {
    return null;
  }
}

export interface KeyPair {
  publicKey: string; // base64url of the raw 32-byte X25519 public key
  privateKeyDer: Buffer; // PKCS#8 DER, only ever held in memory or sealed
}

export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: rawPublicKey(publicKey),
    privateKeyDer: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('X25519 public key without x');
  return jwk.x;
}

function publicKeyFromRaw(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw }, format: 'jwk' });
}

export interface SealedToPublicKey extends Sealed {
  ephemeralPublicKey: string;
}

/** Encrypts a secret so that only the holder of the recipient's private key can read it (ECDH-ES). */
export function sealToPublicKey(
  recipientPublicKey: string,
  secret: Buffer,
  aad: string,
  random: RandomSource,
): SealedToPublicKey {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublicKey = rawPublicKey(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyFromRaw(recipientPublicKey) });
  const key = wrappingKey(shared, ephemeralPublicKey, recipientPublicKey);
  return { ephemeralPublicKey, ...seal(key, secret, aad, random) };
}

export function openWithPrivateKey(
  privateKeyDer: Buffer,
  recipientPublicKey: string,
  sealed: SealedToPublicKey,
  aad: string,
): Buffer | null {
  const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  const shared = diffieHellman({ privateKey, publicKey: publicKeyFromRaw(sealed.ephemeralPublicKey) });
  return open(wrappingKey(shared, sealed.ephemeralPublicKey, recipientPublicKey), sealed, aad);
}

function wrappingKey(shared: Buffer, ephemeralPublicKey: string, recipientPublicKey: string): Buffer {
  const salt = Buffer.from(`${ephemeralPublicKey}.${recipientPublicKey}`, 'utf8');
  return Buffer.from(hkdfSync('sha256', shared, salt, 'kaappi database key wrap v1', 32));
}

export const b64 = (data: Buffer): string => data.toString('base64url');
export const fromB64 = (text: string): Buffer => Buffer.from(text, 'base64url');
