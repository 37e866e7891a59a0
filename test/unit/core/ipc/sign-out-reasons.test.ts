import { describe, expect, it } from 'vitest';
import type { ChannelHandlers } from '../../../../src/main/core/handlers.js';
import { createRouter } from '../../../../src/main/core/ipc/router.js';
import { ok } from '../../../../src/shared/contract/result.js';
import { createMemoryLogger } from '../../../support/memory-logger.js';

/** A router whose signOutStaff records what reached it. */
function signOutRouter() {
  const received: unknown[] = [];
  const handlers = { signOutStaff: (request: unknown) => (received.push(request), ok({})) } as unknown as ChannelHandlers;
  return { router: createRouter(handlers, createMemoryLogger()), received };
}

describe('signOutStaff reasons through the router', () => {
  it('passes the reasons the page may give', async () => {
    const { router, received } = signOutRouter();
    for (const request of [{}, { reason: 'signed-out' }, { reason: 'idle-timeout' }]) {
      expect(await router.handle('signOutStaff', request)).toEqual({ ok: true, value: {} });
    }
    expect(received).toEqual([{}, { reason: 'signed-out' }, { reason: 'idle-timeout' }]);
  });

  it('refuses any other reason before the handler, including the ones only the host records', async () => {
    const { router, received } = signOutRouter();
    for (const reason of ['staff-record-removed', 'role-removed', 'timeout', '', 'IDLE-TIMEOUT', 7, null]) {
      expect(await router.handle('signOutStaff', { reason }), String(reason)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(received).toEqual([]);
  });
});
