import type { RolloutTarget } from '../../shared/contract/content-rollout.js';
import { officeCodeOfKiosk } from '../../shared/domain/receipt-number.js';

/** A target and the version it is assigned. */
export interface Assignment {
  target: RolloutTarget;
  version: number;
}

/**
 * The version a kiosk is offered: its own assignment, else its office's, else the one for all.
 * A portal where no rollout was ever made has no assignment for all: there the newest published
 * version reaches every kiosk, as it did before staged rollout. `kioskCode` null: a caller without
 * a kiosk credential, which gets what all kiosks get.
 */
export function assignedVersion(kioskCode: string | null, assignments: readonly Assignment[], newest: number | null): number | null {
  const find = (matches: (target: RolloutTarget) => boolean) => assignments.find((assignment) => matches(assignment.target))?.version;
  if (kioskCode) {
    const own = find((target) => target.kind === 'kiosk' && target.code === kioskCode);
    if (own !== undefined) return own;
    const office = officeCodeOfKiosk(kioskCode);
    const ofOffice = find((target) => target.kind === 'office' && target.code === office);
    if (ofOffice !== undefined) return ofOffice;
  }
  return find((target) => target.kind === 'all') ?? newest;
}

/** Where a version is assigned, all first, then offices and kiosks by code. */
export function targetsOf(version: number, assignments: readonly Assignment[], newest: number | null): RolloutTarget[] {
  const targets = assignments.filter((assignment) => assignment.version === version).map((assignment) => assignment.target);
  if (version === newest && !assignments.some((assignment) => assignment.target.kind === 'all')) targets.unshift({ kind: 'all' });
  const order = { all: 0, office: 1, kiosk: 2 } as const;
  return targets.sort((a, b) => order[a.kind] - order[b.kind] || (a.kind === 'all' || b.kind === 'all' ? 0 : a.code.localeCompare(b.code)));
}
