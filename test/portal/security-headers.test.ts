import { describe, expect, it } from 'vitest';
import { PORTAL_ENDPOINTS } from '../../src/shared/contract/portal.js';
import { send, useStorage } from './support.js';

describe('headers on every portal answer', () => {
  const { startPortals } = useStorage('sqlite');

  it('tells browsers not to sniff or frame the API’s answers, refusals included', async () => {
    const { portal } = await startPortals();
    for (const answer of [
      await send(portal.url, { path: PORTAL_ENDPOINTS.openApi.path({}) }),
      await send(portal.url, { path: '/backoffice/api/session' }),
      await send(portal.url, { path: '/v1/no-such-endpoint' }),
    ]) {
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
    }
  });
});
