import type Database from 'better-sqlite3';
import { KIOSK_REPORTS_SQL, targetColumns, targetOfRow, type ContentRolloutStore } from '../content-rollout-store.js';
import { appendPortalAuditSqlite } from './sqlite-portal-audit.js';

const UPSERT = `INSERT INTO content_assignment (target_kind, target_code, version, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (target_kind, target_code) DO UPDATE SET version = excluded.version, assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by`;

/** Content assignments in the portal's SQLite file; an assignment and its audit entry are one IMMEDIATE transaction. */
export function sqliteContentRollout(db: Database.Database): ContentRolloutStore {
  const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
  return {
    assignments: () =>
      run(() =>
        db
          .prepare<[], { target_kind: string; target_code: string; version: number; assigned_at: string; assigned_by: string }>(
            'SELECT target_kind, target_code, version, assigned_at, assigned_by FROM content_assignment ORDER BY target_kind, target_code',
          )
          .all()
          .map((row) => ({ target: targetOfRow(row.target_kind, row.target_code), version: row.version, assignedAt: row.assigned_at, assignedBy: row.assigned_by })),
      ),
    assign: (version, targets, actor, at, audit) =>
      run(() => {
        db.transaction(() => {
          for (const target of targets) {
            if (target.kind === 'all') db.prepare("DELETE FROM content_assignment WHERE target_kind <> 'all' AND version <= ?").run(version);
            db.prepare(UPSERT).run(...targetColumns(target), version, at.toISOString(), actor);
          }
          appendPortalAuditSqlite(db, audit, at);
        }).immediate();
      }),
    holdAllAt: (version, actor, at) =>
      run(() => {
        db.prepare(
          "INSERT INTO content_assignment (target_kind, target_code, version, assigned_at, assigned_by) VALUES ('all', '', ?, ?, ?) ON CONFLICT DO NOTHING",
        ).run(version, at.toISOString(), actor);
      }),
    kioskReports: () =>
      run(() =>
        db
          .prepare<[], { kiosk_code: string; content_version: number | null; received_at: string | null }>(KIOSK_REPORTS_SQL)
          .all()
          .map((row) => ({ kioskCode: row.kiosk_code, contentVersion: row.content_version, reportedAt: row.received_at })),
      ),
  };
}
