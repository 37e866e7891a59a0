import { join } from 'node:path';
import { afterEach } from 'vitest';
import { auditRecorder } from '../../../../src/main/core/audit/audit-recorder.js';
import { AuditTrail } from '../../../../src/main/core/audit/audit-trail.js';
import type { ChannelHandlers } from '../../../../src/main/core/handlers.js';
import { createRouter } from '../../../../src/main/core/ipc/router.js';
import { ServicePanelGuardedEvents } from '../../../../src/main/core/staff/service-panel-events.js';
import { guardServicePanel } from '../../../../src/main/core/staff/service-panel-guard.js';
import { createStaffDomain, type StaffDomain } from '../../../../src/main/core/staff/staff-domain.js';
import { StaffSession } from '../../../../src/main/core/staff/staff-session.js';
import { openDatabase } from '../../../../src/main/core/storage/database.js';
import { hashPin } from '../../../../src/portal/content/staff-pin-hash.js';
import type { StaffRecord } from '../../../../src/shared/content/staff-schema.js';
import type { HostEvent } from '../../../../src/shared/contract/ipc.js';
import { ok } from '../../../../src/shared/contract/result.js';
import { testCatalogue, testService } from '../../../support/content-fixtures.js';
import { createMemoryLogger } from '../../../support/memory-logger.js';
import { useTempFolder } from '../../../support/temp-folder.js';

export const CLERK_PIN = '482913';
export const BOTH_ROLES_PIN = '590417';
export const START = new Date('2026-12-01T09:00:00.000Z');
/** The lowest cost the package schema accepts, so sign-ins stay quick. */
const TEST_COST = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 };

export async function testStaff(): Promise<{ clerk: StaffRecord; both: StaffRecord }> {
  return {
    clerk: { staffId: '1001', displayName: 'Айгүл Токтогулова', roles: ['clerk'], pinHash: await hashPin(CLERK_PIN, TEST_COST) },
    both: { staffId: '3001', displayName: 'Нурлан Осмонов', roles: ['clerk', 'technician'], pinHash: await hashPin(BOTH_ROLES_PIN, TEST_COST) },
  };
}

/**
 * The host's staff wiring on a real database file: the staff domain, the service panel's channels
 * behind their guard, the router (started: the idle check runs on setInterval, which a test may fake
 * before it builds the kiosk), a staff list the test replaces as new content would, and a clock
 * the test moves. Call once per test file at its top level, for the clean-up.
 */
export function useStaffKiosk(options: { clerkIdleSeconds: number }) {
  const tempFolder = useTempFolder();
  const domains: StaffDomain[] = [];
  afterEach(() => {
    for (const domain of domains.splice(0)) domain.stop();
  });

  return (initialStaff: StaffRecord[]) => {
    let now = START;
    let staffList = initialStaff;
    const clock = () => now;
    const log = createMemoryLogger();
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const trail = new AuditTrail(db, clock);
    const session = new StaffSession(clock);
    const events = new ServicePanelGuardedEvents(session, log);
    const told: HostEvent[] = [];
    events.subscribe((event) => told.push(event));
    const staff = createStaffDomain({
      db,
      session,
      events,
      clock,
      log,
      recordAudit: auditRecorder(trail, log),
      activeCatalogue: () => ({ ...testCatalogue([testService('birth')]), staff: staffList }),
      clerkIdleSeconds: () => options.clerkIdleSeconds,
    });
    domains.push(staff);
    staff.start();
    const panel = guardServicePanel({ syncNow: () => ok({}), getContentStatus: () => ok({}) } as unknown as Partial<ChannelHandlers>, session, log);
    const router = createRouter(staff.countingActivity({ ...panel, ...staff.handlers, getSyncStatus: () => ok({}) } as unknown as ChannelHandlers), log);
    return {
      router,
      staff,
      events,
      told,
      log,
      advance: (ms: number) => {
        now = new Date(now.getTime() + ms);
      },
      /** A signed staff list is applied with these records (they stand in for the content's), as the staff-list puller announces it. */
      applyStaffListWith: (records: StaffRecord[], version = 2) => {
        staffList = records;
        events.emit({ name: 'staffListUpdated', payload: { version } });
      },
      /** New content is applied with this staff list, as the content domain announces it. */
      applyContentWith: (records: StaffRecord[], version = 2) => {
        staffList = records;
        events.emit({ name: 'contentUpdated', payload: { version } });
      },
      entries: () => trail.entriesAfter(0, 100),
      signOuts: () => trail.entriesAfter(0, 100).filter((entry) => entry.kind === 'staff_sign_out'),
      whoIsSignedIn: async () => {
        const result = await router.handle('getStaffSession', {});
        return result.ok ? ((result.value as { staffId: string } | null)?.staffId ?? null) : 'refused';
      },
    };
  };
}
