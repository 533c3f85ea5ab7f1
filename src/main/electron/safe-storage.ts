/**
 * Electron's safeStorage as the KeyProtector of "remember on this computer" (issue 20). On Linux
 * without a Secret Service or KWallet, safeStorage falls back to "basic_text" (a fixed key in the
 * app): that is refused, as is any platform where encryption is unavailable.
 */
import type { SafeStorage } from 'electron';
import { NO_KEYRING, type KeyProtector } from '../lock/remembered-keys.ts';

export function safeStorageProtector(safeStorage: SafeStorage, platform: NodeJS.Platform): KeyProtector {
  return {
    refusal() {
      if (!safeStorage.isEncryptionAvailable()) return NO_KEYRING;
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return NO_KEYRING;
      return null;
    },
    encrypt: (plain) => safeStorage.encryptString(Buffer.from(plain).toString('base64')),
    decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
