import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('../../support/fake-electron.js')).createFakeElectron());
vi.mock('electron', () => fake.module);

/** The Electron shell reads the same host configuration as the browser shell, and refuses the same bad values. */
describe('Electron shell with an unusable setting', () => {
  const errors: string[] = [];
  const saved = process.env.KIOSK_CODE;

  beforeAll(async () => {
    process.env.KIOSK_CODE = 'bsk1';
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    await import('../../../src/main/electron-main/main.js');
    await new Promise((resolve) => setTimeout(resolve, 0));
    spy.mockRestore();
  });

  afterAll(() => {
    if (saved === undefined) delete process.env.KIOSK_CODE;
    else process.env.KIOSK_CODE = saved;
    rmSync(fake.userData, { recursive: true, force: true });
  });

  it('stops with exit code 2 and one line naming the variable, before any window or IPC exists', () => {
    expect(fake.exitCodes).toEqual([2]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Kiosk not started: KIOSK_CODE must be four upper-case characters/);
    expect(fake.windows).toEqual([]);
    expect(fake.ipcHandlers.size).toBe(0);
  });
});
