import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileLogger } from '../../../src/main/core/logger.js';

/*
 * A log line must never cost a visitor the application it was written about: the logger drops a
 * line it cannot write and counts it. /dev/full answers every write with ENOSPC, as a full disk does.
 */
describe('the file logger', () => {
  const folders: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('on a full disk drops and counts each line instead of throwing, and says so once on stderr', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = createFileLogger('/dev/full', () => new Date('2026-12-02T10:00:00Z'), false);
    expect(() => {
      log.info('application_committed', { receiptNumber: 'BSK1-0000-1X' });
      log.warn('delivery_retry');
      log.error('print_failed');
    }).not.toThrow();
    expect(log.droppedLines()).toBe(3);
    const told = stderr.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('log_write_failed'));
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!)).toMatchObject({ event: 'log_write_failed', code: 'ENOSPC' });
    // What was being logged is not repeated in the notice.
    expect(told[0]).not.toContain('BSK1');
  });

  it('writes again once the disk has room, keeping the count of what it lost', () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const folder = mkdtempSync(join(tmpdir(), 'kyzmat-logger-'));
    folders.push(folder);
    const logs = join(folder, 'logs');
    const log = createFileLogger(join(logs, 'kiosk.log'), () => new Date(), false);
    log.info('lost_while_the_folder_is_gone');
    expect(log.droppedLines()).toBe(1);
    expect(existsSync(logs)).toBe(false);

    mkdirSync(logs);
    log.info('kept');
    const lines = readFileSync(join(logs, 'kiosk.log'), 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(['kept']);
    expect(log.droppedLines()).toBe(1);
  });
});
