import type { SafeStorage } from 'electron';
import type { CredentialProtector } from '../core/enrolment/credential-protector.js';

/**
 * Electron's safeStorage as the host's credential protector. On Linux the store is whichever
 * password manager Chromium found (basic_text when none: the host refuses that one); on Windows
 * DPAPI under the kiosk's user, on macOS the keychain.
 */
export function safeStorageProtector(safeStorage: SafeStorage, platform: NodeJS.Platform = process.platform): CredentialProtector {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform === 'win32' ? 'dpapi' : 'keychain';
  return {
    backend,
    seal: (text) => safeStorage.encryptString(text),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}
