import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../src/shared/contract/result.js';
import type { ChannelHandlers } from '../../../../src/main/core/handlers.js';
import { createRouter } from '../../../../src/main/core/ipc/router.js';
import { createMemoryLogger } from '../../../support/memory-logger.js';

const VISITOR_PIN = '21204198500012';
const KIOSK_INFO = {
  appVersion: '1.0.0',
  contentVersion: 3,
  officeName: { ky: 'к', ru: 'р', en: 'e' },
  support: null,
  officeAddress: null,
  payment: null,
  visitorIdleSeconds: 120,
  idleWarningSeconds: 30,
  clerkIdleSeconds: 900,
  demo: false,
};

function handlers(overrides: Partial<ChannelHandlers> = {}): ChannelHandlers {
  return {
    getKioskInfo: () => ok(KIOSK_INFO),
    listCategories: () => ok([]),
    listServices: () => ok([]),
    getService: () => fail('NOT_FOUND', 'No such service.'),
    searchServices: () => ok([]),
    getSampleForm: () => ok({ mediaType: 'image/png', dataBase64: '' }),
    getContentStatus: () => {
      throw new Error('not used');
    },
    checkForContentUpdate: () => ok({ outcome: 'unchanged' }),
    importContentFromRemovableMedia: () => ok({ outcome: 'not-found' }),
    startApplication: () => {
      throw new Error('not used');
    },
    submitApplication: () => {
      throw new Error('not used');
    },
    cancelApplication: () => ok({}),
    getSyncStatus: () => {
      throw new Error('not used');
    },
    syncNow: () => ok({}),
    getUpdateStatus: () => {
      throw new Error('not used');
    },
    reportVisit: () => ok({}),
    lookupApplication: () => fail('UNAVAILABLE', 'offline'),
    printReceipt: () => ok({ outcome: 'failed', reason: 'NO_PRINTER' }),
    printBlankForm: () => ok({ outcome: 'failed', reason: 'NO_PRINTER' }),
    reportScreenFailure: () => ok({ serviceDisabled: false }),
    signInStaff: () => fail('WRONG_PIN', 'the staff id or PIN is wrong', { attemptsLeft: 4 }),
    signOutStaff: () => ok({}),
    getStaffSession: () => ok(null),
    listQueue: () => fail('FORBIDDEN', 'The queue is for a signed-in clerk.'),
    getEnrolmentStatus: () => ok({ portal: false, enrolled: false, source: null }),
    enrolKiosk: () => ok({ outcome: 'no-portal' }),
    ...overrides,
  };
}

describe('host router', () => {
  it('answers a valid request with its value', async () => {
    const router = createRouter(handlers(), createMemoryLogger());
    expect(await router.handle('getKioskInfo', {})).toEqual({ ok: true, value: KIOSK_INFO });
  });

  it('refuses a request that fails its schema with a VALIDATION error and no stack trace', async () => {
    const log = createMemoryLogger();
    const router = createRouter(handlers(), log);
    for (const payload of [{ language: 'de' }, { language: 7 }, {}, 'ru', [1], { language: 'ru', extra: VISITOR_PIN }]) {
      const result = await router.handle('listServices', payload);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).not.toMatch(/\bat\s.+:\d+/); // no stack frames
      expect(JSON.stringify(result)).not.toContain(VISITOR_PIN);
    }
    expect(JSON.stringify(log.records)).not.toContain(VISITOR_PIN);
  });

  it('refuses an unknown channel, including names inherited from Object', async () => {
    const router = createRouter(handlers(), createMemoryLogger());
    for (const channel of ['deleteEverything', 'constructor', '__proto__', 'toString', '']) {
      const result = await router.handle(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it("turns a handler's exception into INTERNAL and logs it without the payload", async () => {
    const log = createMemoryLogger();
    const router = createRouter(
      handlers({
        listServices: ({ language }) => {
          throw new Error(`constraint failed for ${language} and ${VISITOR_PIN}`);
        },
      }),
      log,
    );
    const result = await router.handle('listServices', { language: 'ru' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'The kiosk could not complete this request.' },
    });
    const failure = log.records.find((record) => record.event === 'ipc_handler_failed');
    expect(failure).toMatchObject({ level: 'error', fields: { channel: 'listServices', errorType: 'Error' } });
    expect(String(failure?.fields.frames)).toContain('router.test.ts');
    expect(JSON.stringify(log.records)).not.toContain(VISITOR_PIN);
  });

  it('answers an expected absence with its own code and logs no failure', async () => {
    const log = createMemoryLogger();
    const router = createRouter(handlers(), log);
    expect(await router.handle('getService', { language: 'ky', serviceId: 'none' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such service.' },
    });
    expect(log.records.filter((record) => record.level === 'error')).toEqual([]);
  });

  it('turns a rejected promise into INTERNAL as well', async () => {
    const router = createRouter(handlers({ getKioskInfo: () => Promise.reject(new TypeError('boom')) }), createMemoryLogger());
    expect(await router.handle('getKioskInfo', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
