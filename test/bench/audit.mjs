// Audit trail benchmarks: appending entries, the walk of the whole chain every kiosk start makes,
// and sending a backlog to a real portal over HTTP on 127.0.0.1 (which verifies every entry).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AuditTrail } from '../../dist/main/core/audit/audit-trail.js';
import { openDatabase } from '../../dist/main/core/storage/database.js';
import { AuditUpload } from '../../dist/main/core/sync/audit-upload.js';
import { PortalClient } from '../../dist/main/core/portal-client/portal-client.js';
import { newKioskCredential } from '../../dist/portal/credentials.js';
import { startPortal } from '../../dist/portal/server.js';

const silent = { info() {}, warn() {}, error() {} };

/** A staff member's entries in turn: sign-in, two panel actions, sign-out. */
function entry(index) {
  switch (index % 4) {
    case 0:
      return { kind: 'staff_sign_in', actor: '1001', subject: null, details: { roles: ['clerk'], method: 'card' } };
    case 1:
      return { kind: 'panel_action', actor: '1001', subject: null, details: { action: 'send-now' } };
    case 2:
      return { kind: 'usb_import', actor: '1001', subject: null, details: { outcome: 'unchanged' } };
    default:
      return { kind: 'staff_sign_out', actor: '1001', subject: null, details: { reason: 'signed-out' } };
  }
}

/**
 * `count` entries appended one transaction each (as the kiosk records them), then the walk the
 * host makes at every start, then the drain of all of them to a portal that verifies each.
 */
export async function benchAuditTrail(report, count = 100_000) {
  const work = mkdtempSync(join(tmpdir(), 'kyzmat-bench-audit-'));
  const db = openDatabase(join(work, 'kiosk.sqlite'));
  const portal = await startPortal({ dataFolder: join(work, 'portal'), adminToken: 'bench-admin-token', trustAnchors: [], log: () => undefined });
  try {
    let tick = Date.parse('2026-12-01T08:00:00.000Z');
    const trail = new AuditTrail(db, () => new Date((tick += 1000)));
    const appendStart = performance.now();
    for (let index = 0; index < count; index++) trail.append(entry(index));
    const appendMs = performance.now() - appendStart;
    report('audit_append_rate', [count / (appendMs / 1000)], 'entries/s', 1);

    const walks = [];
    for (let run = 0; run < 5; run++) {
      const begin = performance.now();
      const verified = trail.verify();
      walks.push(performance.now() - begin);
      if (!verified.ok) throw new Error(`the bench chain broke at ${verified.brokenAt}`);
    }
    report(`audit_verify_at_start_${count / 1000}k`, walks, 'ms');

    const credential = newKioskCredential('BNC1');
    await portal.store.issueCredential('BNC1', credential.secretHash, new Date());
    const client = new PortalClient({ portalUrl: portal.url, credential: credential.token, fetch: globalThis.fetch });
    const upload = new AuditUpload({ trail, portal: client, clock: () => new Date(), log: silent, maxBatchesPerTick: Number.MAX_SAFE_INTEGER });
    const uploadStart = performance.now();
    await upload.tick();
    const uploadMs = performance.now() - uploadStart;
    const head = await portal.store.auditChain.head('BNC1');
    if (head?.seq !== count || upload.alarm()) throw new Error(`the portal holds ${head?.seq ?? 0} of ${count} entries`);
    report('audit_upload_to_portal_rate', [count / (uploadMs / 1000)], 'entries/s', 1);
  } finally {
    db.close();
    await portal.close();
    rmSync(work, { recursive: true, force: true });
  }
}
