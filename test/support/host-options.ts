import type { KioskHostOptions } from '../../src/main/core/host-options.js';
import { makePackage, writePackage, writeTrustAnchors, type TestKeys } from './content-fixtures.js';

/**
 * The options of a kiosk host as most tests start one: its own data folder, kiosk BSK1, the
 * app's fonts, trust in the test's keys and a bundled package signed with them; `extra` replaces
 * any of them.
 */
export function testHostOptions(tempFolder: () => string, keys: TestKeys, extra: Partial<KioskHostOptions> = {}): KioskHostOptions {
  return {
    dataFolder: tempFolder(),
    appVersion: '1.0.0',
    kioskCode: 'BSK1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
    bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1 })),
    ...extra,
  };
}
