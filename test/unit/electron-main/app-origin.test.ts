import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../src/main/electron-main/app-origin.js';

describe('Electron page origin check', () => {
  it('accepts the kiosk page', () => {
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(isAppUrl('app://kiosk/')).toBe(true);
  });

  it('refuses look-alikes that a prefix check would let through', () => {
    for (const url of [
      'app://kiosk.evil/index.html',
      'app://kioskx/',
      'app://user@kiosk/',
      'https://kiosk/',
      'file:///app/index.html',
      'http://127.0.0.1/',
      'about:blank',
      '',
      undefined,
      'not a url',
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});
