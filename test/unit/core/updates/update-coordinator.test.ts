import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { AppUpdater as ElectronUpdater } from 'electron-updater';
import type { AppUpdater, AppUpdaterEvent } from '../../../../src/main/core/updates/app-updater.js';
import { NIGHTLY_RESTART_MIN_UPTIME_MS, UpdateCoordinator } from '../../../../src/main/core/updates/update-coordinator.js';
import { VisitPresence } from '../../../../src/main/core/updates/maintenance-handlers.js';
import { electronAppUpdater } from '../../../../src/main/electron-main/electron-app-updater.js';
import { isInsideWindow } from '../../../../src/shared/domain/maintenance-window.js';
import { createMemoryLogger } from '../../../support/memory-logger.js';

/** An updater whose feed the test plays: it records installs, and the test sends its events. */
function playedUpdater() {
  let listener: (event: AppUpdaterEvent) => void = () => undefined;
  const calls = { checks: 0, installs: 0 };
  const updater: AppUpdater = {
    check: () => {
      calls.checks++;
      return Promise.resolve();
    },
    install: () => void calls.installs++,
    on: (next) => void (listener = next),
  };
  return { updater, calls, send: (event: AppUpdaterEvent) => listener(event) };
}

/** The kiosk's clock, read as local minutes of the day directly so the test does not depend on the machine's time zone. */
function kioskAt(hhmm: string) {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  const now = { at: new Date(Date.UTC(2026, 11, 3, hours, minutes)) };
  return {
    now,
    clock: () => now.at,
    localMinute: (moment: Date) => moment.getUTCHours() * 60 + moment.getUTCMinutes(),
    setTime: (next: string) => {
      const [h, m] = next.split(':').map(Number) as [number, number];
      now.at = new Date(Date.UTC(2026, 11, 3, h, m));
    },
    later: (ms: number) => void (now.at = new Date(now.at.getTime() + ms)),
  };
}

function coordinator(options: { at: string; empty?: () => boolean; nightlyRestart?: boolean; window?: { from: string; to: string } }) {
  const feed = playedUpdater();
  const kiosk = kioskAt(options.at);
  const restarts: number[] = [];
  const log = createMemoryLogger();
  const updates = new UpdateCoordinator({
    updater: feed.updater,
    restart: () => restarts.push(1),
    window: () => options.window,
    nightlyRestart: () => options.nightlyRestart ?? false,
    kioskEmpty: options.empty ?? (() => true),
    clock: kiosk.clock,
    localMinute: kiosk.localMinute,
    log,
  });
  return { updates, feed, kiosk, restarts, log };
}

describe('the nightly window', () => {
  it('holds the minutes from its start up to its end, across midnight too', () => {
    expect(isInsideWindow(2 * 60, { from: '02:00', to: '05:00' })).toBe(true);
    expect(isInsideWindow(5 * 60, { from: '02:00', to: '05:00' })).toBe(false);
    expect(isInsideWindow(1 * 60 + 59, { from: '02:00', to: '05:00' })).toBe(false);
    expect(isInsideWindow(23 * 60 + 45, { from: '23:30', to: '01:00' })).toBe(true);
    expect(isInsideWindow(0, { from: '23:30', to: '01:00' })).toBe(true);
    expect(isInsideWindow(12 * 60, { from: '23:30', to: '01:00' })).toBe(false);
  });
});

describe('when the kiosk installs an update', () => {
  it('downloads by day but installs only inside the night window, with the kiosk empty', () => {
    let empty = false;
    const { updates, feed, kiosk } = coordinator({ at: '14:00', empty: () => empty });
    feed.send({ kind: 'available', version: '1.4.0' });
    feed.send({ kind: 'progress', percent: 41.6 });
    expect(updates.status()).toMatchObject({ state: 'downloading', version: '1.4.0', percent: 42 });
    feed.send({ kind: 'downloaded', version: '1.4.0' });
    expect(updates.status()).toMatchObject({ state: 'ready', version: '1.4.0', percent: null });

    updates.tick();
    expect(feed.calls.installs).toBe(0);
    kiosk.setTime('03:10');
    // A visitor (or a signed-in clerk) at the kiosk at night: it waits.
    updates.tick();
    expect(feed.calls.installs).toBe(0);
    empty = true;
    updates.tick();
    expect(feed.calls.installs).toBe(1);
    expect(updates.heartbeat()).toEqual({ state: 'installing', version: '1.4.0' });
    // Once asked, it is not asked again while it quits.
    updates.tick();
    expect(feed.calls.installs).toBe(1);
  });

  it('follows the window the content sets, not the default one', () => {
    const { updates, feed, kiosk } = coordinator({ at: '03:00', window: { from: '22:00', to: '23:00' } });
    feed.send({ kind: 'downloaded', version: '1.4.0' });
    expect(feed.calls.installs).toBe(0);
    kiosk.setTime('22:30');
    updates.tick();
    expect(feed.calls.installs).toBe(1);
    expect(updates.status().window).toEqual({ from: '22:00', to: '23:00' });
  });

  it('installs at once when the download finishes inside the window on an empty kiosk', () => {
    const { feed } = coordinator({ at: '02:30' });
    feed.send({ kind: 'downloaded', version: '2.0.0' });
    expect(feed.calls.installs).toBe(1);
  });

  it('keeps a ready update ready through a later failed check, and says a failed download by its code only', async () => {
    const { updates, feed, log } = coordinator({ at: '12:00' });
    feed.send({ kind: 'error', code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
    expect(updates.status().state).toBe('error');
    expect(log.records).toContainEqual({ level: 'warn', event: 'update_failed', fields: { code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' } });
    feed.send({ kind: 'downloaded', version: '1.5.0' });
    feed.send({ kind: 'error', code: 'ECONNREFUSED' });
    expect(updates.status().state).toBe('ready');
    // Nothing to fetch again while one waits for its night.
    const checksBefore = feed.calls.checks;
    await updates.check();
    expect(feed.calls.checks).toBe(checksBefore);
  });

  it('says off, and never checks, without an updater', async () => {
    const log = createMemoryLogger();
    const updates = new UpdateCoordinator({ window: () => undefined, nightlyRestart: () => false, kioskEmpty: () => true, clock: () => new Date(), log });
    await updates.check();
    expect(updates.status()).toMatchObject({ state: 'off', version: null, window: { from: '02:00', to: '05:00' } });
    expect(updates.heartbeat()).toEqual({ state: 'off' });
  });
});

describe('the nightly restart', () => {
  it('restarts once, inside the window, on an empty kiosk that has run for a day, and only when the settings ask', () => {
    const asked = coordinator({ at: '03:00', nightlyRestart: true });
    asked.updates.tick();
    expect(asked.restarts).toHaveLength(0);
    // A day later, the same hour: old enough.
    asked.kiosk.later(24 * 60 * 60 * 1000);
    expect(24 * 60 * 60 * 1000).toBeGreaterThanOrEqual(NIGHTLY_RESTART_MIN_UPTIME_MS);
    asked.updates.tick();
    asked.updates.tick();
    expect(asked.restarts).toHaveLength(1);
    expect(asked.log.records.map((record) => record.event)).toContain('nightly_restart');

    const notAsked = coordinator({ at: '03:00', nightlyRestart: false });
    notAsked.kiosk.later(2 * 24 * 60 * 60 * 1000);
    notAsked.updates.tick();
    expect(notAsked.restarts).toHaveLength(0);

    let empty = false;
    const busy = coordinator({ at: '03:00', nightlyRestart: true, empty: () => empty });
    busy.kiosk.later(24 * 60 * 60 * 1000);
    busy.updates.tick();
    expect(busy.restarts).toHaveLength(0);
    empty = true;
    busy.updates.tick();
    expect(busy.restarts).toHaveLength(1);
  });
});

describe('a visit as the page reports it', () => {
  it('is open from the page saying so until it says it ended', () => {
    const presence = new VisitPresence();
    expect(presence.isOpen()).toBe(false);
    expect(presence.report(true)).toBe(false);
    expect(presence.isOpen()).toBe(true);
    expect(presence.report(false)).toBe(true);
    expect(presence.report(false)).toBe(false);
  });
});

describe('electron-updater as the kiosk sets it up', () => {
  it('asks the portal\'s generic feed, downloads in the background, never installs at quit, never goes down a version', () => {
    const emitter = new EventEmitter();
    const recorded: { feed?: unknown; quitAndInstall?: unknown[] } = {};
    const fake = Object.assign(emitter, {
      setFeedURL: (feed: unknown) => void (recorded.feed = feed),
      checkForUpdates: () => Promise.resolve(null),
      quitAndInstall: (...args: unknown[]) => void (recorded.quitAndInstall = args),
      autoDownload: false,
      autoInstallOnAppQuit: true,
      allowDowngrade: true,
      allowPrerelease: true,
      logger: console,
    });
    const updater = electronAppUpdater('https://portal.example:8443/', fake as unknown as ElectronUpdater);
    expect(recorded.feed).toEqual({ provider: 'generic', url: 'https://portal.example:8443/v1/updates/' });
    expect(fake).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, allowDowngrade: false, allowPrerelease: false, logger: null });

    const events: AppUpdaterEvent[] = [];
    updater.on((event) => events.push(event));
    emitter.emit('update-available', { version: '1.2.0' });
    emitter.emit('download-progress', { percent: 50 });
    emitter.emit('update-downloaded', { version: '1.2.0' });
    emitter.emit('error', Object.assign(new Error('GET https://portal.example:8443/v1/updates/latest-linux.yml 404'), { code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' }));
    emitter.emit('error', new Error('net::ERR_CONNECTION_REFUSED at https://portal.example'));
    expect(events).toEqual([
      { kind: 'available', version: '1.2.0' },
      { kind: 'progress', percent: 50 },
      { kind: 'downloaded', version: '1.2.0' },
      { kind: 'error', code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' },
      { kind: 'error', code: 'UPDATE_ERROR' },
    ]);
    updater.install();
    expect(recorded.quitAndInstall).toEqual([true, true]);
  });
});
