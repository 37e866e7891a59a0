/// <reference lib="dom" />
import { createKioskApi } from '../../../shared/kiosk-api.js';
import { fail, type Result } from '../../../shared/result.js';

/**
 * Runs in the page before the app, in the browser shell only: installs the same `window.kiosk`
 * that the Electron preload exposes, carried over loopback HTTP. The session cookie travels by
 * itself; the page never sees the token.
 */
const kiosk = createKioskApi(async (channel, request) => {
  try {
    const response = await fetch(`/rpc/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request ?? {}),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    return (await response.json()) as Result<unknown>;
  } catch {
    return fail('UNAVAILABLE', 'The kiosk host did not answer.');
  }
});

Object.defineProperty(window, 'kiosk', { value: kiosk, writable: false, configurable: false, enumerable: false });
