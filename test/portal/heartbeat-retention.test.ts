import { describe, expect, it } from 'vitest';
import { HeartbeatRetention } from '../../src/portal/fleet/heartbeat-retention.js';
import type { PortalStore } from '../../src/portal/storage/portal-store.js';
import { fixedClock, useFleetPortal } from './fleet-support.js';
import { STORE_KINDS, validHeartbeat } from './support.js';

const DAY = 86_400_000;
const NOW = '2026-06-30T12:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * DAY);

async function recordAged(store: PortalStore, kioskCode: string, ages: number[]): Promise<void> {
  for (const age of ages) await store.recordHeartbeat(kioskCode, { ...validHeartbeat, contentVersion: age }, daysAgo(age));
}

describe.each(STORE_KINDS)('heartbeat retention (%s)', (kind) => {
  const { openStore, start } = useFleetPortal(kind);

  it('deletes heartbeats older than the retention window by window, and keeps each kiosk’s newest however old', async () => {
    const store = await openStore();
    // Oldest first, as they arrive: BSK1 beat for 40 days, BSK2 fell silent 90 days ago, ASH1 is new.
    await recordAged(store, 'BSK2', [120, 100, 90]);
    await recordAged(store, 'BSK1', [40, 35, 31, 30, 29, 10, 1]);
    await recordAged(store, 'ASH1', [0]);
    expect((await store.stats()).heartbeats).toBe(11);
    const logged: [string, Record<string, string | number> | undefined][] = [];
    const retention = new HeartbeatRetention({ store, retentionDays: 30, now: () => new Date(NOW), log: (event, fields) => logged.push([event, fields]), windowSize: 2 });

    expect(await retention.runOnce()).toBe(5);
    // Exactly 30 days old is still inside the retention.
    expect((await store.stats()).heartbeats).toBe(6);
    const latest = Object.fromEntries((await store.fleetKiosks()).map((kiosk) => [kiosk.kioskCode, kiosk.lastHeartbeat?.contentVersion]));
    // BSK2's newest (90 days old) stays, so the fleet still shows it, stale; BSK1 keeps what is inside 30 days.
    expect(latest).toEqual({ ASH1: 0, BSK1: 1, BSK2: 90 });
    expect(logged).toEqual([['heartbeats_pruned', { deleted: 5, retentionDays: 30 }]]);
    // Nothing more to do: a second pass deletes nothing and logs nothing.
    expect(await retention.runOnce()).toBe(0);
    expect(logged).toHaveLength(1);
  });

  it('refuses a retention of no days, or a fraction, even for a portal started in code', async () => {
    const store = await openStore();
    for (const retentionDays of [0, -1, 1.5, 4000]) {
      expect(() => new HeartbeatRetention({ store, retentionDays, now: () => new Date(NOW), log: () => undefined }), String(retentionDays)).toThrow(/PORTAL_HEARTBEAT_RETENTION_DAYS/);
    }
  });

  it('a window that reaches heartbeats inside the retention ends the pass, so recent rows are not walked', async () => {
    const store = await openStore();
    await recordAged(store, 'BSK1', [50, 45, 2, 1]);
    const calls: { afterSeq: number }[] = [];
    const watched = { pruneHeartbeatWindow: (window: { afterSeq: number; before: Date; size: number }) => (calls.push(window), store.pruneHeartbeatWindow(window)) };
    const retention = new HeartbeatRetention({ store: watched, retentionDays: 30, now: () => new Date(NOW), log: () => undefined, windowSize: 2 });
    expect(await retention.runOnce()).toBe(2);
    // The second window (the 2- and 1-day-old rows) is inside the retention: the pass stops there.
    expect(calls).toHaveLength(2);
  });

  it('the portal prunes at start and then on its timer, and stops the timer when it closes', async () => {
    const store = await openStore();
    await recordAged(store, 'BSK1', [60, 59, 1]);
    const clock = fixedClock(NOW);
    const logged: string[] = [];
    const env = await start({ store, now: clock.now, heartbeatRetentionDays: 30, heartbeatRetentionIntervalMs: 20, log: (event) => logged.push(event) });
    await expect.poll(async () => (await store.stats()).heartbeats).toBe(1);
    // Forty days on, the 1-day-old heartbeat is past the retention but is BSK1's newest; a newer one makes it prunable.
    clock.set(new Date(Date.parse(NOW) + 40 * DAY).toISOString());
    await store.recordHeartbeat('BSK1', validHeartbeat, clock.now());
    await expect.poll(async () => (await store.stats()).heartbeats).toBe(1);
    expect(logged.filter((event) => event === 'heartbeats_pruned')).toHaveLength(2);
    await env.portal.close();
    await recordAged(store, 'BSK1', [200]);
    await store.recordHeartbeat('BSK1', validHeartbeat, clock.now());
    // Closed: nothing runs any more (a run would have deleted the 200-day-old row within a few of its 20 ms ticks).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await store.stats()).heartbeats).toBe(3);
  });
});
