import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BACKOFFICE_PATH } from '../../shared/contract/backoffice.js';

export interface LocalPortal {
  url: string;
  /** This kiosk's credential, issued by the local portal. */
  token: string;
  close(): void;
}

/**
 * Without a configured portal, `npm start` runs the reference portal beside the kiosk (its data
 * in the kiosk's data folder, demo keys), issues this kiosk a credential, and delivers to it, so a
 * visit goes all the way from the screen to the portal on one machine, in either shell. The demo
 * content seals applications to the demo portal key, so the local portal opens them with its
 * private half: an officer in the local back office can read what was just applied for.
 */
const DEMO_PORTAL_PRIVATE_KEY = join('resources', 'demo-keys', 'demo-portal-2026.private.json');
/** The demo staff-list key, whose public half the demo kiosk trusts: staff made in the local back office reach this kiosk. */
const DEMO_STAFF_LIST_KEY = join('resources', 'demo-keys', 'demo-staff-list-2026.private.json');

export async function startLocalPortal(projectRoot: string, dataFolder: string, kioskCode: string): Promise<LocalPortal> {
  const portalData = join(dataFolder, 'local-portal');
  const issued = spawnSync(process.execPath, [join(projectRoot, 'dist', 'portal', 'admin-cli.js'), 'issue-credential', '--kiosk', kioskCode, '--data', portalData], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  if (issued.status !== 0) {
    // A crash (a segfault of the database module under the wrong Node) prints nothing: say how it ended.
    const ended = issued.error ? issued.error.message : issued.signal ? `ended by ${issued.signal}` : `exit code ${issued.status}`;
    const said = issued.stderr?.trim();
    throw new Error(`the local portal could not issue a credential (${ended}, Node ${process.version})${said ? `: ${said}` : ''}`);
  }
  const token = issued.stdout.trim();
  const child = spawn(process.execPath, [join(projectRoot, 'dist', 'portal', 'main.js'), '--port', '0', '--data', portalData], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORTAL_ADMIN_TOKEN: randomBytes(24).toString('base64url'),
      DATABASE_URL: '',
      PORTAL_PRIVATE_KEY_FILE: process.env.PORTAL_PRIVATE_KEY_FILE || join(projectRoot, DEMO_PORTAL_PRIVATE_KEY),
      PORTAL_STAFF_LIST_KEY_FILE: process.env.PORTAL_STAFF_LIST_KEY_FILE || join(projectRoot, DEMO_STAFF_LIST_KEY),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, rejectUrl) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Portal listening on (\S+)/.exec(output);
      if (match) resolveUrl(match[1]!);
    });
    child.once('exit', (code) => rejectUrl(new Error(`the local portal exited with ${code}`)));
  });
  child.stdout.resume();
  console.log(`Local reference portal: ${url} (data in ${portalData})`);
  console.log(`Back office: ${new URL(BACKOFFICE_PATH, url).href} (an account: npm run portal-admin -- create-user --role administrator --username <name> --data ${portalData})`);
  return { url, token, close: () => void child.kill('SIGTERM') };
}
