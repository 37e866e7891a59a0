import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { KIOSK_TOKEN_PATTERN } from '../../../shared/contract/portal.js';
import { CredentialStoreError, type CredentialProtector } from './credential-protector.js';

/**
 * The kiosk's portal credential as enrolment left it: one line in a file only the kiosk's user may
 * read (0600, in a folder of its own, 0700). Written whole or not at all: a temporary file, synced,
 * then renamed over the old one, so a power cut leaves either credential, never half of one.
 * With a protector (the Electron shell's safeStorage) the file holds the credential sealed by the
 * operating system's store, with the store's name: a copied disk alone yields nothing, and a kiosk
 * whose store changed (another password manager, a new user profile) stops with an operator error
 * instead of silently needing a new credential. Without one (the browser shell) the line is the
 * credential itself, which re-enrolling the kiosk at the portal revokes if the disk is stolen.
 */
export const CREDENTIAL_FOLDER = 'credential';
export const CREDENTIAL_FILE = 'portal-credential';

export const credentialFilePath = (dataFolder: string): string => join(dataFolder, CREDENTIAL_FOLDER, CREDENTIAL_FILE);

export type StoredCredential = { kind: 'none' } | { kind: 'credential'; token: string; sealed: boolean } | { kind: 'unreadable' };

const SEALED_PREFIX = 'sealed-v1 ';

/**
 * The credential enrolment stored; `unreadable` for a file that is not one credential as issued.
 * A sealed file read without a protector is unreadable too (the browser shell on a folder the
 * Electron shell wrote); one sealed by another store than the protector's, or that the store
 * cannot open, throws a CredentialStoreError.
 */
export function readCredentialFile(dataFolder: string, protector?: CredentialProtector): StoredCredential {
  removeStaleTemporaries(dataFolder);
  let text: string;
  try {
    text = readFileSync(credentialFilePath(dataFolder), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable' };
  }
  const line = text.trim();
  if (!line.startsWith(SEALED_PREFIX)) return KIOSK_TOKEN_PATTERN.test(line) ? { kind: 'credential', token: line, sealed: false } : { kind: 'unreadable' };
  const [backend, sealed] = line.slice(SEALED_PREFIX.length).split(' ');
  if (!protector || !backend || !sealed) return { kind: 'unreadable' };
  if (backend !== protector.backend) {
    throw new CredentialStoreError(
      'backend-changed',
      `the kiosk credential was sealed by ${backend}, but the secret store now is ${protector.backend}: start the kiosk under the store it was enrolled with, or enrol it again`,
    );
  }
  let token: string;
  try {
    token = protector.open(Buffer.from(sealed, 'base64'));
  } catch {
    throw new CredentialStoreError('cannot-open', `the secret store ${backend} cannot open the kiosk credential: enrol the kiosk again`);
  }
  return KIOSK_TOKEN_PATTERN.test(token) ? { kind: 'credential', token, sealed: true } : { kind: 'unreadable' };
}

export function writeCredentialFile(dataFolder: string, token: string, protector?: CredentialProtector): void {
  if (!KIOSK_TOKEN_PATTERN.test(token)) throw new RangeError('not a kiosk credential');
  const line = protector ? `${SEALED_PREFIX}${protector.backend} ${protector.seal(token).toString('base64')}` : token;
  const folder = join(dataFolder, CREDENTIAL_FOLDER);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by the umask and leaves an existing folder as it was.
  chmodSync(folder, 0o700);
  const target = credentialFilePath(dataFolder);
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, `${line}\n`);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  chmodSync(temporary, 0o600);
  renameSync(temporary, target);
  // The rename is durable once the folder's entry is.
  const folderFd = openSync(folder, 'r');
  try {
    fsyncSync(folderFd);
  } finally {
    closeSync(folderFd);
  }
}

/**
 * A write cut short by a crash or a power cut leaves its temporary file, which holds a live
 * credential: it is never read, so it goes at the next read (at start).
 */
function removeStaleTemporaries(dataFolder: string): void {
  const folder = join(dataFolder, CREDENTIAL_FOLDER);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(`${CREDENTIAL_FILE}.`) && name.endsWith('.tmp')) rmSync(join(folder, name), { force: true });
}
