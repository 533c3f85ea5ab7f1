/**
 * Authenticated encryption for locked investigations (issue 20): AES-256-GCM from node:crypto,
 * a fresh random 96-bit nonce per sealed record, and associated data naming what the record is
 * (which file, which position), so a record cannot be moved to another place unnoticed.
 * Layout of a sealed record: nonce (12) | tag (16) | ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const SEAL_OVERHEAD = NONCE_BYTES + TAG_BYTES;

/** A sealed record failed its authentication: wrong key, or bytes changed since it was written. */
export class SealBroken extends Error {
  constructor(what: string) {
    super(`${what} failed its integrity check.`);
    this.name = 'SealBroken';
  }
}

export function seal(key: Uint8Array, plaintext: Uint8Array, aad: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

export function unseal(key: Uint8Array, sealed: Uint8Array, aad: string, what: string): Buffer {
  if (sealed.byteLength < SEAL_OVERHEAD) throw new SealBroken(what);
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(bytes.subarray(NONCE_BYTES, SEAL_OVERHEAD));
    return Buffer.concat([decipher.update(bytes.subarray(SEAL_OVERHEAD)), decipher.final()]);
  } catch {
    throw new SealBroken(what);
  }
}
