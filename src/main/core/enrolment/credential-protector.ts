/**
 * The operating system's secret store, as the Electron shell offers it (safeStorage): the kiosk's
 * credential is kept sealed by it, so a copied disk alone does not yield the credential. The
 * browser shell has none and keeps the file readable by the kiosk's user only.
 */
export interface CredentialProtector {
  /** Which store seals: on Linux the password manager safeStorage chose (gnome_libsecret, kwallet5…); dpapi or keychain elsewhere. */
  readonly backend: string;
  seal(text: string): Buffer;
  open(sealed: Buffer): string;
}

/** safeStorage's Linux backend that seals with a key written in Chromium's own source: no protection at all. */
export const UNPROTECTED_BACKEND = 'basic_text';

/** The credential store cannot be used as it is; the kiosk goes out of service with an operator code rather than go on without its secret. */
export class CredentialStoreError extends Error {
  override readonly name = 'CredentialStoreError';
  constructor(
    readonly reason: 'unprotected-backend' | 'backend-changed' | 'cannot-open',
    message: string,
  ) {
    super(message);
  }
}
