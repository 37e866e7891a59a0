import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPortalPrivateKey } from '../../src/portal/applications/portal-private-key.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();

describe('the portal private key file', () => {
  it('refuses a file that is not a key by naming the file only, never quoting its text', () => {
    for (const text of ['{"keyId":"k1","privateKeyJwk":{"d":"SECRETPART', 'SECRETPART', '{"keyId":"k1","privateKeyJwk":{"d":"SECRETPART"}}']) {
      const file = join(tempFolder(), 'portal.private.json');
      writeFileSync(file, text);
      let message = '';
      try {
        readPortalPrivateKey(file);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toBe(`${file} is not a portal private key file ({keyId, privateKeyJwk: an X25519 JWK})`);
      expect(message).not.toContain('SECRET');
    }
  });

  it('reads the demo key', () => {
    expect(readPortalPrivateKey('resources/demo-keys/demo-portal-2026.private.json').keyId).toMatch(/\S/);
  });
});
