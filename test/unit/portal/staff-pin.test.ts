import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyPin } from '../../../src/main/core/staff/pin-verifier.js';
import { PIN_HASH_COST, PinRefused, readPin } from '../../../src/portal/content/staff-pin-hash.js';
import { pinHashSchema, staffListSchema } from '../../../src/shared/content/staff-schema.js';

/** `content hash-pin` as an administrator runs it, the PIN on standard input. */
const hashPinCli = (input: string) => spawnSync(process.execPath, ['dist/portal/content-cli.js', 'hash-pin'], { input, encoding: 'utf8' });

/** The demo PINs as resources/demo-keys/README.md documents them: staff id → PIN. */
function documentedDemoPins(): Map<string, string> {
  const readme = readFileSync('resources/demo-keys/README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Demo staff PINs: demo only'));
  const rows = [...section.matchAll(/^\| (\d{4,8}) \|.*\| (\d{6,12}) \|$/gm)];
  return new Map(rows.map((row) => [row[1]!, row[2]!]));
}

describe('content hash-pin', () => {
  it('refuses a 5-digit PIN, and one with other than digits, saying why without echoing it', () => {
    expect(() => readPin('12345\n')).toThrow(new PinRefused('a PIN has at least 6 digits; this one has 5'));
    expect(() => readPin('12 456\n')).toThrow(/digits only/);
    const short = hashPinCli('48213\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('a PIN has at least 6 digits');
    expect(short.stderr).not.toContain('48213');
    expect(short.stdout).toBe('');
  });

  it('prints a pinHash at the stated cost that the kiosk verifies for that PIN only', async () => {
    const result = hashPinCli('482913\n');
    expect(result.status).toBe(0);
    const pinHash = pinHashSchema.parse(JSON.parse(result.stdout));
    expect(pinHash).toMatchObject({ algorithm: 'scrypt', ...PIN_HASH_COST });
    expect(result.stdout).not.toContain('482913');
    await expect(verifyPin('482913', pinHash)).resolves.toBe(true);
    await expect(verifyPin('482914', pinHash)).resolves.toBe(false);
  });

  it('gives every hash a salt of its own', () => {
    const salts = [hashPinCli('482913\n'), hashPinCli('482913\n')].map((result) => (JSON.parse(result.stdout) as { salt: string }).salt);
    expect(new Set(salts).size).toBe(2);
  });
});

describe('the bundled demo staff', () => {
  it('each signs in with the PIN the demo README documents, and with no other', async () => {
    const staff = staffListSchema.parse(JSON.parse(readFileSync('resources/content-source/staff.json', 'utf8')));
    const pins = documentedDemoPins();
    expect([...pins.keys()]).toEqual(staff.map((record) => record.staffId));
    expect(staff.flatMap((record) => record.roles).sort()).toEqual(['clerk', 'clerk', 'technician', 'technician']);
    expect(staff.some((record) => record.cardNumber !== undefined)).toBe(true);
    for (const record of staff) {
      await expect(verifyPin(pins.get(record.staffId)!, record.pinHash)).resolves.toBe(true);
      await expect(verifyPin('000000', record.pinHash)).resolves.toBe(false);
    }
  });
});
