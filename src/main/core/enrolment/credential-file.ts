import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { KIOSK_TOKEN_PATTERN } from '../../../shared/contract/portal.js';

/**
 * The kiosk's portal credential as enrolment left it: one line in a file only the kiosk's user may
 * read (0600, in a folder of its own, 0700). Written whole or not at all: a temporary file, synced,
 * then renamed over the old one, so a power cut leaves either credential, never half of one.
 * Until the credential moves into the operating system's store, this is what a stolen disk yields:
 * re-enrolling the kiosk at the portal revokes it.
 */
export const CREDENTIAL_FOLDER = 'credential';
export const CREDENTIAL_FILE = 'portal-credential';

export const credentialFilePath = (dataFolder: string): string => join(dataFolder, CREDENTIAL_FOLDER, CREDENTIAL_FILE);

export type StoredCredential = { kind: 'none' } | { kind: 'credential'; token: string } | { kind: 'unreadable' };

/** The credential enrolment stored; `unreadable` for a file that is not one credential as issued. */
export function readCredentialFile(dataFolder: string): StoredCredential {
  removeStaleTemporaries(dataFolder);
  let text: string;
  try {
    text = readFileSync(credentialFilePath(dataFolder), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable' };
  }
  const token = text.trim();
  return KIOSK_TOKEN_PATTERN.test(token) ? { kind: 'credential', token } : { kind: 'unreadable' };
}

export function writeCredentialFile(dataFolder: string, token: string): void {
  if (!KIOSK_TOKEN_PATTERN.test(token)) throw new RangeError('not a kiosk credential');
  const folder = join(dataFolder, CREDENTIAL_FOLDER);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by the umask and leaves an existing folder as it was.
  chmodSync(folder, 0o700);
  const target = credentialFilePath(dataFolder);
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, `${token}\n`);
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
