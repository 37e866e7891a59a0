import type { KioskApi } from '../../shared/contract/ipc.js';
import type { HostError, Result } from '../../shared/contract/result.js';

declare global {
  interface Window {
    readonly kiosk?: KioskApi;
  }
}

/** A host answer that was not ok, carried as an exception so a screen can show its translated code. */
export class HostRequestError extends Error {
  constructor(readonly hostError: HostError) {
    super(hostError.code);
    this.name = 'HostRequestError';
  }
}

/** The host API that the shell installed (Electron preload or browser bridge). */
export function kiosk(): KioskApi {
  if (!window.kiosk) throw new HostRequestError({ code: 'UNAVAILABLE', message: 'window.kiosk is missing' });
  return window.kiosk;
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new HostRequestError(result.error);
  return result.value;
}

export function errorCodeOf(error: unknown): HostError['code'] {
  return error instanceof HostRequestError ? error.hostError.code : 'UNAVAILABLE';
}
