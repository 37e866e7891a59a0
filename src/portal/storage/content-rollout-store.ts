import type { RolloutTarget } from '../../shared/contract/content-rollout.js';
import type { PortalAuditEvent } from '../audit/portal-audit-entry.js';

/** One row of content_assignment (migration 0010): a target and the version it is assigned. */
export interface ContentAssignment {
  target: RolloutTarget;
  version: number;
  assignedAt: string;
  assignedBy: string;
}

/** A kiosk with a live credential and what its latest heartbeat said it runs (null before its first). */
export interface KioskContentReport {
  kioskCode: string;
  contentVersion: number | null;
  reportedAt: string | null;
}

/**
 * The staged rollout's assignments. Each change and its audit entry are one transaction, so no
 * assignment goes unrecorded and no record names one that failed.
 */
export interface ContentRolloutStore {
  assignments(): Promise<ContentAssignment[]>;
  /**
   * Assigns `version` to each target and appends `audit`. Assigning to all also ends every office
   * and kiosk assignment of this version or an older one: they are behind what all now get.
   */
  assign(version: number, targets: readonly RolloutTarget[], actor: string, at: Date, audit: PortalAuditEvent): Promise<void>;
  /**
   * Before the first staged publish: writes `version` as what all kiosks get unless some version
   * already is, so a newer package no longer reaches every kiosk merely by being the newest.
   */
  holdAllAt(version: number, actor: string, at: Date): Promise<void>;
  /** Every kiosk with a live credential, by code, with its latest heartbeat's content version. */
  kioskReports(): Promise<KioskContentReport[]>;
}

/** How a target is kept in its row: all kiosks have the empty code. */
export const targetColumns = (target: RolloutTarget): [kind: string, code: string] => [target.kind, target.kind === 'all' ? '' : target.code];

export function targetOfRow(kind: string, code: string): RolloutTarget {
  if (kind === 'office' || kind === 'kiosk') return { kind, code };
  return { kind: 'all' };
}

/** Each kiosk with a live credential and its latest heartbeat (the dialect's own placeholders are not needed). */
export const KIOSK_REPORTS_SQL = `SELECT c.kiosk_code AS kiosk_code, h.content_version AS content_version, h.received_at AS received_at
   FROM (SELECT DISTINCT kiosk_code FROM kiosk_credential WHERE revoked_at IS NULL) c
   LEFT JOIN (SELECT kiosk_code, max(seq) AS seq FROM heartbeat GROUP BY kiosk_code) latest ON latest.kiosk_code = c.kiosk_code
   LEFT JOIN heartbeat h ON h.seq = latest.seq
   ORDER BY c.kiosk_code`;
