import { afterEach, describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../../src/shared/contract/ipc.js';
import { createEventHub, createKioskApi } from '../../../../src/shared/contract/kiosk-api.js';
import { kioskHost } from '../../../../src/renderer/host/kiosk-client.js';
import { fakeHost, syncStatus } from '../state/fake-host.js';

/** What a shell does: put the host API on the page's global object (`window.kiosk`). */
const page = globalThis as { kiosk?: KioskApi };

afterEach(() => {
  delete page.kiosk;
});

describe('renderer kiosk client', () => {
  it('answers UNAVAILABLE as a Result when the shell installed no window.kiosk', async () => {
    await expect(kioskHost.listCategories({ language: 'ky' })).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const stop = kioskHost.onSyncStatusChanged(() => undefined);
    expect(stop).toBeTypeOf('function');
    stop();
  });

  it('answers UNAVAILABLE as a Result when the transport fails instead of answering', async () => {
    page.kiosk = createKioskApi(() => Promise.reject(new Error('ipc channel closed')), createEventHub().subscribe);
    await expect(kioskHost.getSyncStatus({})).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('passes requests, host Results and events through the window.kiosk installed after it loaded', async () => {
    const host = fakeHost({ getSyncStatus: () => ({ ok: false, error: { code: 'INTERNAL', message: 'locked' } }) });
    page.kiosk = host.api;
    await expect(kioskHost.getSyncStatus({})).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: 'locked' } });
    expect(host.callsTo('getSyncStatus')).toEqual([{}]);

    const seen: string[] = [];
    const stop = kioskHost.onSyncStatusChanged((status) => seen.push(status.state));
    host.emit('syncStatusChanged', syncStatus({ state: 'offline' }));
    stop();
    host.emit('syncStatusChanged', syncStatus({ state: 'idle' }));
    expect(seen).toEqual(['offline']);
  });
});
