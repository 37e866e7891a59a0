import type pg from 'pg';
import { isoTime } from '../row-mapping.js';
import { KIOSK_REPORTS_SQL, targetColumns, targetOfRow, type ContentRolloutStore } from '../content-rollout-store.js';
import { appendPortalAuditPostgres } from './postgres-portal-audit.js';

const UPSERT = `INSERT INTO content_assignment (target_kind, target_code, version, assigned_at, assigned_by) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (target_kind, target_code) DO UPDATE SET version = excluded.version, assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by`;

/** Content assignments in PostgreSQL; an assignment and its audit entry are one transaction on one connection. */
export function postgresContentRollout(pool: pg.Pool): ContentRolloutStore {
  return {
    assignments: async () => {
      const { rows } = await pool.query<{ target_kind: string; target_code: string; version: number; assigned_at: unknown; assigned_by: string }>(
        'SELECT target_kind, target_code, version, assigned_at, assigned_by FROM content_assignment ORDER BY target_kind, target_code',
      );
      return rows.map((row) => ({ target: targetOfRow(row.target_kind, row.target_code), version: row.version, assignedAt: isoTime(row.assigned_at), assignedBy: row.assigned_by }));
    },
    assign: async (version, targets, actor, at, audit) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const target of targets) {
          if (target.kind === 'all') await client.query("DELETE FROM content_assignment WHERE target_kind <> 'all' AND version <= $1", [version]);
          await client.query(UPSERT, [...targetColumns(target), version, at, actor]);
        }
        await appendPortalAuditPostgres(client, audit, at);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    holdAllAt: async (version, actor, at) => {
      await pool.query(
        "INSERT INTO content_assignment (target_kind, target_code, version, assigned_at, assigned_by) VALUES ('all', '', $1, $2, $3) ON CONFLICT DO NOTHING",
        [version, at, actor],
      );
    },
    kioskReports: async () => {
      // content_version is a bigint, which pg reads as text.
      const { rows } = await pool.query<{ kiosk_code: string; content_version: string | null; received_at: unknown }>(KIOSK_REPORTS_SQL);
      return rows.map((row) => ({
        kioskCode: row.kiosk_code,
        contentVersion: row.content_version === null ? null : Number(row.content_version),
        reportedAt: row.received_at === null ? null : isoTime(row.received_at),
      }));
    },
  };
}
