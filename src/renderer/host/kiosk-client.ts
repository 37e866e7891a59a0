import { eventSubscriberName } from '../../shared/contract/channels.js';
import type { KioskApi } from '../../shared/contract/ipc.js';
import { createKioskApi } from '../../shared/contract/kiosk-api.js';
import { fail, type Result } from '../../shared/contract/result.js';

type Request = (request: unknown) => Promise<Result<unknown>>;
type Subscribe = (listener: (payload: unknown) => void) => () => void;

/** The host API that the shell installed (Electron preload or browser bridge), read at each call. */
function installed(): KioskApi | undefined {
  return (globalThis as { kiosk?: KioskApi }).kiosk;
}

/**
 * The renderer's one way to the host. Every request answers a Result, also when the shell has
 * installed no `window.kiosk` or its transport fails, so the slices branch on `ok` and never
 * catch anything.
 */
export const kioskHost: KioskApi = createKioskApi(
  async (channel, request) => {
    const api = installed();
    if (!api) return fail('UNAVAILABLE', 'window.kiosk is missing');
    try {
      return await (api[channel] as Request)(request);
    } catch {
      return fail('UNAVAILABLE', 'The kiosk host did not answer.');
    }
  },
  (event, listener) => {
    const subscribe = installed()?.[eventSubscriberName(event)] as Subscribe | undefined;
    return subscribe ? subscribe(listener) : () => undefined;
  },
);
