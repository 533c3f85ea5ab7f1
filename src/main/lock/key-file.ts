/**
 * The key file of a locked investigation (issue 20), `vault/lock.json`: a random 256-bit data key
 * wrapped twice, by a key derived from the passphrase (scrypt, parameters stored here) and by one
 * derived from the recovery key (HKDF: the recovery key is already 128 random bits). A passphrase
 * change re-wraps the data key and never rewrites the data. Each wrap carries a check value, so a
 * wrong passphrase ("the passphrase is wrong") is told apart from an altered file.
 */
import { createHmac, hkdfSync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { entropyToMnemonic, mnemonicToEntropy, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { KEY_BYTES, seal, SealBroken, unseal } from './cipher.ts';
import { DossierError } from '../../shared/errors.ts';

export const KEY_FILE_FORMAT = 'dossier-lock/1';

/**
 * scrypt N = 2^17, r = 8 (128 MiB, OWASP's floor): 484 ms on the build machine, measured with
 * N from 2^14 to 2^18 (docs/notes/issue-20.md). Tests pass a cheaper N; the file records its own.
 */
export const DEFAULT_SCRYPT = { logN: 17, r: 8, p: 1 } as const;
const SCRYPT_LIMITS = { minLogN: 14, maxLogN: 20, maxR: 16, maxP: 4 };

export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

interface Wrap {
  /** base64 of nonce | tag | wrapped data key */
  wrapped: string;
  /** base64 HMAC-SHA256(kek, "check"): matches only the right passphrase or recovery key */
  check: string;
}

export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  /** A random id per locked store; part of every record's associated data. */
  vaultId: string;
  kdf: { name: 'scrypt'; salt: string } & ScryptParams;
  passphrase: Wrap;
  recovery: Wrap & { salt: string };
}

export type Unlock = { passphrase: string } | { recoveryKey: string };

export const WRONG_PASSPHRASE =
  'The passphrase is wrong. Nothing was opened or changed; type it again (capitals and spaces count).';
export const WRONG_RECOVERY_KEY = 'This recovery key does not open this investigation. Nothing was opened or changed.';
export const ALTERED_KEY_FILE =
  "The investigation's key file (vault/lock.json) was altered or damaged, so its data cannot be decrypted. Nothing was changed; restore the folder from a copy.";

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < 8)
    throw new DossierError('BAD_INPUT', 'Choose a passphrase of at least 8 characters (a few unrelated words are best).');
  if (passphrase.length > 1024) throw new DossierError('BAD_INPUT', 'A passphrase can be at most 1024 characters.');
}

function scryptKek(passphrase: string, salt: Buffer, params: ScryptParams): Buffer {
  const N = 2 ** params.logN;
  return scryptSync(passphrase.normalize('NFC'), salt, KEY_BYTES, {
    N,
    r: params.r,
    p: params.p,
    maxmem: 256 * N * params.r + 16 * 1024 * 1024,
  });
}

function recoveryKek(recoveryEntropy: Uint8Array, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryEntropy, salt, 'dossier recovery key', KEY_BYTES));
}

const checkOf = (kek: Uint8Array) => createHmac('sha256', kek).update('check').digest();

function wrap(kek: Buffer, dataKey: Uint8Array, vaultId: string, which: string): Wrap {
  return {
    wrapped: seal(kek, dataKey, `${KEY_FILE_FORMAT}|${vaultId}|${which}`).toString('base64'),
    check: checkOf(kek).toString('base64'),
  };
}

/** The data key, or a sentence: wrong secret when the check differs, altered file when only the unwrap fails. */
function unwrap(kek: Buffer, w: Wrap, vaultId: string, which: string, wrong: string): Buffer {
  const check = Buffer.from(w.check, 'base64');
  const expected = checkOf(kek);
  if (check.length !== expected.length || !timingSafeEqual(check, expected)) throw new DossierError('FORBIDDEN', wrong);
  try {
    const key = unseal(kek, Buffer.from(w.wrapped, 'base64'), `${KEY_FILE_FORMAT}|${vaultId}|${which}`, 'The wrapped key');
    if (key.length !== KEY_BYTES) throw new SealBroken('The wrapped key');
    return key;
  } catch {
    throw new DossierError('FORBIDDEN', ALTERED_KEY_FILE);
  } finally {
    kek.fill(0);
  }
}

/** The recovery key as twelve words (BIP 39's English list, with its checksum word), shown once. */
export function recoveryWords(entropy: Uint8Array): string {
  return entropyToMnemonic(entropy, wordlist);
}

function recoveryEntropy(words: string): Uint8Array {
  const normal = words
    .normalize('NFKD')
    .toLowerCase()
    .split(/[\s,.;:-]+/)
    .filter(Boolean)
    .join(' ');
  const count = normal.split(' ').length;
  if (count !== 12 || !validateMnemonic(normal, wordlist)) {
    const unknown = normal.split(' ').filter((w) => !wordlist.includes(w));
    throw new DossierError(
      'FORBIDDEN',
      count !== 12
        ? `A recovery key is 12 words; this one has ${count}. Nothing was opened or changed.`
        : unknown.length
          ? `"${unknown[0]}" is not a word of recovery keys; check the spelling. Nothing was opened or changed.`
          : 'These 12 words are not a valid recovery key (a word is wrong or two are swapped). Nothing was opened or changed.',
    );
  }
  return mnemonicToEntropy(normal, wordlist);
}

export interface NewKey {
  keyFile: KeyFile;
  dataKey: Buffer;
  /** The twelve words to show once. */
  recoveryKey: string;
}

export function createKeyFile(
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
  dataKey: Buffer = randomBytes(KEY_BYTES),
): NewKey {
  checkPassphrase(passphrase);
  const vaultId = randomBytes(16).toString('hex');
  const salt = randomBytes(16);
  const recovery = randomBytes(16);
  const recoverySalt = randomBytes(16);
  const keyFile: KeyFile = {
    format: KEY_FILE_FORMAT,
    vaultId,
    kdf: { name: 'scrypt', salt: salt.toString('base64'), ...params },
    passphrase: wrap(scryptKek(passphrase, salt, params), dataKey, vaultId, 'passphrase'),
    recovery: {
      ...wrap(recoveryKek(recovery, recoverySalt), dataKey, vaultId, 'recovery'),
      salt: recoverySalt.toString('base64'),
    },
  };
  const recoveryKey = recoveryWords(recovery);
  recovery.fill(0);
  return { keyFile, dataKey, recoveryKey };
}

/** Parses lock.json, refusing anything but the shape we write (and KDF costs that would exhaust memory). */
export function parseKeyFile(raw: string): KeyFile {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new DossierError('FORBIDDEN', ALTERED_KEY_FILE);
  }
  const v = value as Partial<KeyFile> | null;
  const isWrap = (w: unknown): w is Wrap =>
    typeof (w as Wrap | null)?.wrapped === 'string' && typeof (w as Wrap).check === 'string';
  const k = v?.kdf;
  const ok =
    v?.format === KEY_FILE_FORMAT &&
    typeof v.vaultId === 'string' &&
    /^[0-9a-f]{32}$/.test(v.vaultId) &&
    k?.name === 'scrypt' &&
    typeof k.salt === 'string' &&
    Number.isInteger(k.logN) &&
    k.logN >= SCRYPT_LIMITS.minLogN &&
    k.logN <= SCRYPT_LIMITS.maxLogN &&
    Number.isInteger(k.r) &&
    k.r >= 1 &&
    k.r <= SCRYPT_LIMITS.maxR &&
    Number.isInteger(k.p) &&
    k.p >= 1 &&
    k.p <= SCRYPT_LIMITS.maxP &&
    isWrap(v.passphrase) &&
    isWrap(v.recovery) &&
    typeof v.recovery.salt === 'string';
  if (!ok) throw new DossierError('FORBIDDEN', ALTERED_KEY_FILE);
  return v as KeyFile;
}

export function unlockDataKey(keyFile: KeyFile, secret: Unlock): Buffer {
  if ('passphrase' in secret) {
    return unwrap(
      scryptKek(secret.passphrase, Buffer.from(keyFile.kdf.salt, 'base64'), keyFile.kdf),
      keyFile.passphrase,
      keyFile.vaultId,
      'passphrase',
      WRONG_PASSPHRASE,
    );
  }
  const entropy = recoveryEntropy(secret.recoveryKey);
  return unwrap(
    recoveryKek(entropy, Buffer.from(keyFile.recovery.salt, 'base64')),
    keyFile.recovery,
    keyFile.vaultId,
    'recovery',
    WRONG_RECOVERY_KEY,
  );
}

/** A new passphrase wrap of the same data key (a passphrase change rewrites only lock.json). */
export function rewrapPassphrase(
  keyFile: KeyFile,
  dataKey: Uint8Array,
  passphrase: string,
  params: ScryptParams = keyFile.kdf,
): KeyFile {
  checkPassphrase(passphrase);
  const salt = randomBytes(16);
  return {
    ...keyFile,
    kdf: { name: 'scrypt', salt: salt.toString('base64'), logN: params.logN, r: params.r, p: params.p },
    passphrase: wrap(scryptKek(passphrase, salt, params), dataKey, keyFile.vaultId, 'passphrase'),
  };
}
