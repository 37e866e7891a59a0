import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_FOLDER, credentialFilePath, readCredentialFile, writeCredentialFile } from '../../../../src/main/core/enrolment/credential-file.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();
const token = (fill: string) => `kiosk_BSK1.${fill.repeat(43)}`;

describe('the kiosk’s credential file', () => {
  it('is none until enrolment writes it, then reads back exactly, readable by the kiosk’s user only', () => {
    const data = tempFolder();
    expect(readCredentialFile(data)).toEqual({ kind: 'none' });
    writeCredentialFile(data, token('a'));
    expect(readCredentialFile(data)).toEqual({ kind: 'credential', token: token('a'), sealed: false });
    expect(statSync(credentialFilePath(data)).mode & 0o777).toBe(0o600);
    expect(statSync(join(data, CREDENTIAL_FOLDER)).mode & 0o777).toBe(0o700);
  });

  it('replaces the earlier credential whole and leaves no temporary file beside it', () => {
    const data = tempFolder();
    writeCredentialFile(data, token('a'));
    writeCredentialFile(data, token('b'));
    expect(readCredentialFile(data)).toEqual({ kind: 'credential', token: token('b'), sealed: false });
    expect(readdirSync(join(data, CREDENTIAL_FOLDER))).toEqual(['portal-credential']);
  });

  it('tightens a folder that was left open to others, and refuses to write what is not a credential', () => {
    const data = tempFolder();
    mkdirSync(join(data, CREDENTIAL_FOLDER), { mode: 0o755 });
    chmodSync(join(data, CREDENTIAL_FOLDER), 0o755);
    writeCredentialFile(data, token('c'));
    expect(statSync(join(data, CREDENTIAL_FOLDER)).mode & 0o777).toBe(0o700);
    expect(() => writeCredentialFile(data, 'kiosk_BSK1.short')).toThrow(RangeError);
    expect(readFileSync(credentialFilePath(data), 'utf8')).toBe(`${token('c')}\n`);
  });

  it('reads a file that holds anything but one credential as unreadable, not as a credential', () => {
    const data = tempFolder();
    mkdirSync(join(data, CREDENTIAL_FOLDER));
    for (const text of ['', 'kiosk_BSK1.', `${token('a')}\n${token('b')}`, '{"credential":"x"}']) {
      writeFileSync(credentialFilePath(data), text);
      expect(readCredentialFile(data)).toEqual({ kind: 'unreadable' });
    }
  });
});
