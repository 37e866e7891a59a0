/// <reference lib="dom" />
import { HOST_EVENTS } from '../../shared/contract/channels.js';
import { createEventHub, createKioskApi } from '../../shared/contract/kiosk-api.js';
import { fail, type Result } from '../../shared/contract/result.js';

/**
 * Runs in the page before the app, in the browser shell only: installs the same `window.kiosk`
 * that the Electron preload exposes, carried over loopback HTTP (requests) and server-sent events
 * (host events). The session cookie travels by itself; the page never sees the token.
 */
const hub = createEventHub();
const source = new EventSource('/__kiosk/events');
for (const event of HOST_EVENTS) {
  source.addEventListener(event, (message) => {
    try {
      hub.dispatch(event, JSON.parse((message as MessageEvent<string>).data));
    } catch {
      // A malformed event is dropped; the next one carries the current state again.
    }
  });
}

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
}, hub.subscribe);

Object.defineProperty(window, 'kiosk', { value: kiosk, writable: false, configurable: false, enumerable: false });
