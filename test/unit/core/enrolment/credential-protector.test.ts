import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { credentialFilePath, readCredentialFile, writeCredentialFile } from '../../../../src/main/core/enrolment/credential-file.js';
import { CredentialStoreError, type CredentialProtector } from '../../../../src/main/core/enrolment/credential-protector.js';
import { KioskEnrolment } from '../../../../src/main/core/enrolment/kiosk-enrolment.js';
import { startKioskHostOrOutOfService } from '../../../../src/main/shell-common/out-of-service-host.js';
import { testKeys } from '../../../support/content-fixtures.js';
import { testHostOptions } from '../../../support/host-options.js';
import { createMemoryLogger } from '../../../support/memory-logger.js';
import { useTempFolder } from '../../../support/temp-folder.js';

/*
 * The kiosk's credential under the operating system's secret store. The store here is real
 * AES-256-GCM under a key of its own, as safeStorage's is under the password manager's: what is
 * on disk is not the credential, and another store cannot open it.
 */
const tempFolder = useTempFolder();
const TOKEN = `kiosk_BSK1.${'x'.repeat(43)}`;

function aesStore(backend: string, key = randomBytes(32)): CredentialProtector {
  return {
    backend,
    seal: (text) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open: (sealed) => {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const enrolment = (dataFolder: string, protector: CredentialProtector, environmentCredential?: string) =>
  new KioskEnrolment({ dataFolder, kioskCode: 'BSK1', environmentCredential, log: createMemoryLogger(), actor: () => null, protector });

describe('the credential under the secret store', () => {
  it('is kept sealed: the file does not hold the credential, and the same store reads it back', () => {
    const dataFolder = tempFolder();
    const store = aesStore('gnome_libsecret');
    writeCredentialFile(dataFolder, TOKEN, store);
    const onDisk = readFileSync(credentialFilePath(dataFolder), 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    expect(onDisk).not.toContain('x'.repeat(43));
    expect(onDisk).toMatch(/^sealed-v1 gnome_libsecret [A-Za-z0-9+/=]+\n$/);
    expect(readCredentialFile(dataFolder, store)).toEqual({ kind: 'credential', token: TOKEN, sealed: true });
    expect(enrolment(dataFolder, store).credential).toBe(TOKEN);
  });

  it('stops with an operator error when the store changed, instead of going on without the credential', () => {
    const dataFolder = tempFolder();
    writeCredentialFile(dataFolder, TOKEN, aesStore('gnome_libsecret'));
    expect(() => readCredentialFile(dataFolder, aesStore('kwallet5'))).toThrow(/sealed by gnome_libsecret, but the secret store now is kwallet5/);
    // The same store's name with another key (a new user profile): it cannot open it.
    const error = (() => {
      try {
        readCredentialFile(dataFolder, aesStore('gnome_libsecret'));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CredentialStoreError);
    expect((error as CredentialStoreError).reason).toBe('cannot-open');
  });

  it('refuses basic_text, whose key anyone can read, unless the credential comes from the environment', () => {
    const dataFolder = tempFolder();
    expect(() => enrolment(dataFolder, aesStore('basic_text'))).toThrow(CredentialStoreError);
    expect(enrolment(dataFolder, aesStore('basic_text'), TOKEN).credential).toBe(TOKEN);
  });

  it('seals a credential written before the store was used, and drops the plain copy', () => {
    const dataFolder = tempFolder();
    writeCredentialFile(dataFolder, TOKEN);
    const store = aesStore('dpapi');
    expect(enrolment(dataFolder, store).credential).toBe(TOKEN);
    expect(readFileSync(credentialFilePath(dataFolder), 'utf8')).not.toContain(TOKEN);
    expect(readCredentialFile(dataFolder, store)).toEqual({ kind: 'credential', token: TOKEN, sealed: true });
  });

  it('reads a sealed file as unreadable without a store (the browser shell on a folder Electron wrote)', () => {
    const dataFolder = tempFolder();
    writeCredentialFile(dataFolder, TOKEN, aesStore('keychain'));
    expect(readCredentialFile(dataFolder)).toEqual({ kind: 'unreadable' });
  });

  it('takes the kiosk out of service with an operator code when the store is basic_text or changed', async () => {
    const keys = testKeys('keystore-key');
    for (const [prepare, store, code] of [
      [() => undefined, aesStore('basic_text'), 'KK-KEYSTORE-UNPROTECTED'],
      [(folder: string) => writeCredentialFile(folder, TOKEN, aesStore('kwallet5')), aesStore('gnome_libsecret'), 'KK-KEYSTORE-CHANGED'],
    ] as const) {
      const dataFolder = tempFolder();
      prepare(dataFolder);
      const host = await startKioskHostOrOutOfService(testHostOptions(tempFolder, keys, { dataFolder, credentialProtector: store, log: createMemoryLogger() }));
      expect('outOfService' in host && host.outOfService).toBe(code);
      host.close();
    }
  });
});
