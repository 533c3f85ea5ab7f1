/**
 * "Remember on this computer" (issue 20, off by default): a locked investigation's data key kept
 * in the user-data folder, encrypted by the operating system's keyring through Electron's
 * safeStorage (injected as a KeyProtector; this module never imports Electron). Refused where
 * safeStorage would only obfuscate: Linux without a keyring ("basic_text"), or no encryption at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../app/atomic-file.ts';

export interface KeyProtector {
  /** Why the keyring cannot be trusted here, or null when it can. */
  refusal(): string | null;
  encrypt(plain: Uint8Array): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

export const NO_KEYRING =
  'This computer has no keyring that Dossier can use (on Linux: no Secret Service or KWallet running), so the key would be kept in plain text. Type the passphrase each time instead.';

const FILE = 'remembered-keys.json';

export interface RememberedKeys {
  /** Why keys cannot be remembered here, or null. */
  refusal(): string | null;
  remember(id: string, dataKey: Uint8Array): void;
  recall(id: string): Buffer | undefined;
  forget(id: string): boolean;
}

export function openRememberedKeys(userDataDir: string, protector: KeyProtector | undefined): RememberedKeys {
  const file = path.join(userDataDir, FILE);
  const read = (): Record<string, string> => {
    if (!existsSync(file)) return {};
    try {
      const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return value && typeof value === 'object' ? (value as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const write = (all: Record<string, string>) => writeFileAtomic(file, Buffer.from(`${JSON.stringify(all, null, 2)}\n`, 'utf8'));
  return {
    refusal: () => (protector ? protector.refusal() : NO_KEYRING),
    remember(id, dataKey) {
      const refusal = protector ? protector.refusal() : NO_KEYRING;
      if (!protector || refusal) throw new DossierError('FORBIDDEN', refusal ?? NO_KEYRING);
      write({ ...read(), [id]: protector.encrypt(dataKey).toString('base64') });
    },
    recall(id) {
      const sealed = read()[id];
      if (!sealed || !protector || protector.refusal()) return undefined;
      try {
        return protector.decrypt(Buffer.from(sealed, 'base64'));
      } catch {
        // Another user's or another machine's keyring: the passphrase is asked as usual.
        return undefined;
      }
    },
    forget(id) {
      const all = read();
      if (!(id in all)) return false;
      delete all[id];
      write(all);
      return true;
    },
  };
}
