import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestCa } from '../../support/test-ca.js';
import { HostConfigError, hostOptionsFromEnvironment, parseLauncherFlags } from '../../../src/main/shell-common/host-config.js';

const PLACES = { dataFolder: '/data', appVersion: '1.2.3', resourcesFolder: '/app/resources', distFolder: '/app/dist' };
const TOKEN = 'kiosk_BSK1.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';

const refusal = (env: NodeJS.ProcessEnv): string => {
  try {
    hostOptionsFromEnvironment(env, PLACES);
  } catch (error) {
    expect(error).toBeInstanceOf(HostConfigError);
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('host configuration from the environment', () => {
  it('turns every kiosk variable into the host options', () => {
    const options = hostOptionsFromEnvironment(
      {
        KIOSK_CODE: 'BSK1',
        KIOSK_PORTAL_URL: 'https://portal.example.kg',
        KIOSK_PORTAL_TOKEN: TOKEN,
        KIOSK_IDLE_SECONDS: '90',
        KIOSK_IDLE_WARNING_SECONDS: '20',
        KIOSK_CLERK_IDLE_SECONDS: '600',
        KIOSK_CONTENT_POLL_SECONDS: '600',
        KIOSK_HEARTBEAT_SECONDS: '120',
        KIOSK_REMOVABLE_MEDIA_ROOTS: '/media:/mnt/usb',
        PATH: '/usr/bin',
      },
      PLACES,
    );
    expect(options).toEqual({
      dataFolder: '/data',
      appVersion: '1.2.3',
      trustAnchorsFile: '/app/resources/trust/content-keys.json',
      staffListTrustAnchorsFile: '/app/resources/trust/staff-list-keys.json',
      bundledContentFolder: '/app/dist/content-bundle',
      fontsFolder: '/app/resources/fonts',
      kioskCode: 'BSK1',
      portalUrl: 'https://portal.example.kg',
      kioskCredential: TOKEN,
      visitorIdleSeconds: 90,
      idleWarningSeconds: 20,
      clerkIdleSeconds: 600,
      contentPollSeconds: 600,
      heartbeatSeconds: 120,
      removableMediaRoots: ['/media', '/mnt/usb'],
    });
  });

  it('starts a development kiosk with nothing set, and treats empty variables as unset', () => {
    const options = hostOptionsFromEnvironment({ KIOSK_PORTAL_URL: '', KIOSK_IDLE_SECONDS: '' }, PLACES);
    expect(options).toMatchObject({ kioskCode: 'DEV1', portalUrl: undefined, visitorIdleSeconds: undefined });
  });

  it('refuses a lower-case, short or lookalike kiosk code instead of failing every submission later', () => {
    for (const code of ['bsk1', 'BSK', 'BSK12', 'BSI1', 'BS-1']) {
      expect(refusal({ KIOSK_CODE: code }), code).toMatch(/^KIOSK_CODE must be four upper-case characters of 0123456789ABCDEFGHJKMNPQRSTVWXYZ/);
    }
  });

  it('refuses seconds that are not a positive whole number, naming the variable', () => {
    for (const [name, value] of [['KIOSK_IDLE_SECONDS', 'soon'], ['KIOSK_IDLE_WARNING_SECONDS', '-5'], ['KIOSK_CONTENT_POLL_SECONDS', '1.5'], ['KIOSK_HEARTBEAT_SECONDS', '0'], ['KIOSK_IDLE_SECONDS', '0']]) {
      expect(refusal({ [name!]: value }), `${name}=${value}`).toBe(`${name} must be a whole number of seconds from 1 to 9999999`);
    }
  });

  it('refuses a portal address that is not http(s) and a credential that is malformed or issued to another kiosk', () => {
    expect(refusal({ KIOSK_PORTAL_URL: 'ftp://portal' })).toMatch(/^KIOSK_PORTAL_URL must be an http/);
    expect(refusal({ KIOSK_PORTAL_URL: 'portal.example.kg' })).toMatch(/^KIOSK_PORTAL_URL must be an http/);
    // Plain http leaves this machine only in the clear: refused for any host but this one.
    for (const address of ['http://portal.example.kg', 'http://10.0.0.5:8080/', 'http://127.0.0.1.attacker.example/', 'http://[::2]/']) {
      expect(refusal({ KIOSK_PORTAL_URL: address }), address).toMatch(/^KIOSK_PORTAL_URL must be an https:\/\/ address: plain http:\/\//);
    }
    for (const address of ['https://portal.example.kg', 'http://127.0.0.1:8080', 'http://localhost:3000/', 'http://[::1]:9/', 'http://127.1.2.3/']) {
      expect(hostOptionsFromEnvironment({ KIOSK_PORTAL_URL: address }, PLACES).portalUrl, address).toBe(address);
    }
    expect(refusal({ KIOSK_PORTAL_TOKEN: 'secret' })).toMatch(/^KIOSK_PORTAL_TOKEN must be a kiosk credential/);
    // A token cut short when pasted: the portal would refuse every request, so the kiosk refuses to start.
    expect(refusal({ KIOSK_CODE: 'BSK1', KIOSK_PORTAL_TOKEN: TOKEN.slice(0, -1) })).toMatch(/^KIOSK_PORTAL_TOKEN must be a kiosk credential exactly as issued/);
    expect(refusal({ KIOSK_CODE: 'TSH2', KIOSK_PORTAL_TOKEN: TOKEN })).toBe(
      'KIOSK_PORTAL_TOKEN was issued to another kiosk: it must start with kiosk_TSH2. (KIOSK_CODE is TSH2)',
    );
  });
});

describe('settings that do not fit together or do not exist', () => {
  it('refuses an idle warning as long as the idle time itself', () => {
    expect(refusal({ KIOSK_IDLE_SECONDS: '30', KIOSK_IDLE_WARNING_SECONDS: '30' })).toBe(
      'KIOSK_IDLE_WARNING_SECONDS (30) must be shorter than KIOSK_IDLE_SECONDS (30): the warning comes before the visit ends',
    );
    expect(hostOptionsFromEnvironment({ KIOSK_IDLE_SECONDS: '31', KIOSK_IDLE_WARNING_SECONDS: '30' }, PLACES).idleWarningSeconds).toBe(30);
  });

  it('refuses a misspelt setting instead of silently ignoring it, and knows the settings other parts read', () => {
    expect(refusal({ KIOSK_IDLE_SECOND: '90' })).toMatch(/^KIOSK_IDLE_SECOND is not a kiosk setting; the settings are KIOSK_CODE, /);
    expect(() => hostOptionsFromEnvironment({ KIOSK_DATA_DIR: '/x', KIOSK_PRINTER_NAME: 'Hall printer', KIOSK_DEVTOOLS: '1' }, PLACES)).not.toThrow();
    expect(refusal({ KIOSK_DEVTOOLS: 'yes' })).toBe('KIOSK_DEVTOOLS must be 1 (on) or 0 (off)');
  });
});

describe('launcher flags', () => {
  it('reads every flag', () => {
    expect(parseLauncherFlags([])).toEqual({ dev: false, browser: false, open: true, localPortal: true, port: undefined });
    expect(parseLauncherFlags(['--browser', '--no-open', '--no-portal', '--port', '8080', '--dev'])).toEqual({
      dev: true,
      browser: true,
      open: false,
      localPortal: false,
      port: 8080,
    });
  });

  it('refuses an unknown flag or a bad port with the usage', () => {
    expect(() => parseLauncherFlags(['--no-opne'])).toThrow(/^unknown option "--no-opne" \(usage: npm start -- /);
    for (const args of [['--port'], ['--port', 'eighty'], ['--port', '70000']]) {
      expect(() => parseLauncherFlags(args), args.join(' ')).toThrow(/^--port takes a port number from 0 to 65535/);
    }
  });
});

describe('the portal CA bundle', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-ca-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('pins the certificates of KIOSK_PORTAL_CA_FILE, or of resources/trust/portal-ca.pem when it is there', () => {
    const { caFile, ca } = makeTestCa(folder);
    expect(hostOptionsFromEnvironment({ KIOSK_PORTAL_CA_FILE: caFile }, PLACES).portalCertificates).toEqual([ca.trim()]);
    // None shipped, none set: the system's CAs, as before.
    expect(hostOptionsFromEnvironment({}, PLACES).portalCertificates).toBeUndefined();
    const resourcesFolder = join(folder, 'resources');
    mkdirSync(join(resourcesFolder, 'trust'), { recursive: true });
    writeFileSync(join(resourcesFolder, 'trust', 'portal-ca.pem'), `${ca}\n${ca}`);
    expect(hostOptionsFromEnvironment({}, { ...PLACES, resourcesFolder }).portalCertificates).toHaveLength(2);
  });

  it('refuses a CA file that is missing, holds no certificate, or a broken one', () => {
    expect(refusal({ KIOSK_PORTAL_CA_FILE: join(folder, 'missing.pem') })).toMatch(/^KIOSK_PORTAL_CA_FILE: .* cannot be read$/);
    writeFileSync(join(folder, 'empty.pem'), 'not a certificate\n');
    expect(refusal({ KIOSK_PORTAL_CA_FILE: join(folder, 'empty.pem') })).toMatch(/holds no PEM certificate$/);
    writeFileSync(join(folder, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    expect(refusal({ KIOSK_PORTAL_CA_FILE: join(folder, 'broken.pem') })).toMatch(/holds a certificate that cannot be read$/);
  });
});
