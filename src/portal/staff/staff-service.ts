import { randomInt } from 'node:crypto';
import { officeCodeOfKiosk } from '../../shared/domain/receipt-number.js';
import {
  ISSUED_PIN_DIGITS,
  type CreateStaffRequest,
  type PinIssued,
  type PinResetRequest,
  type StaffPage,
  type StaffRefusalCode,
  type StaffSearch,
  type StaffStateChanged,
  type StaffStateRequest,
} from '../../shared/contract/staff-page.js';
import type { SignedStaffList } from '../../shared/content/signed-staff-list.js';
import { portalAuditActor, staffAuditSubject, type PortalAuditKind } from '../audit/portal-audit-entry.js';
import { hashPin } from '../content/staff-pin-hash.js';
import type { PortalLog } from '../portal-log.js';
import type { StaffChangeContext, StaffChangeOutcome, StaffKey, StaffStore } from '../storage/staff-store.js';
import type { StaffListKey } from './staff-list-key.js';

export type StaffAnswer<T> = { outcome: 'done'; value: T } | { outcome: 'refused'; reason: StaffRefusalCode };

/** What GET /v1/staff-list answers a kiosk: its office's signed list and the ETag of that version. */
export interface OfficeStaffList {
  etag: string;
  signed: SignedStaffList;
}

/** A PIN of ISSUED_PIN_DIGITS digits, each value equally likely (node:crypto's randomInt is uniform), leading zeros kept. */
export function issuePin(random: (max: number) => number = (max) => randomInt(max)): string {
  return String(random(10 ** ISSUED_PIN_DIGITS)).padStart(ISSUED_PIN_DIGITS, '0');
}

/** Changes whenever the office's list is re-signed: the version is raised by every change. */
export const staffListEtag = (officeCode: string, version: number): string => `"staff-${officeCode}-${version}"`;

/**
 * The back office's staff page and the kiosks' staff list. The portal makes each PIN, hashes it
 * (scrypt, staff-pin-hash.ts) before the store's transaction begins, and answers it once in the
 * answer of the request that made it: it is never logged, stored or audited in clear, nor is its
 * hash. Every change is written to the portal's audit trail by the administrator who made it, and
 * re-signs the office's list of active records with the staff-list key in the same transaction.
 * Without a key the changes are kept and versioned but nothing is published: the page says so and
 * kiosks are answered 404, keeping the staff of their content package.
 */
export class StaffService {
  constructor(
    private readonly deps: {
      store: StaffStore;
      /** Null: the portal has no staff-list key (PORTAL_STAFF_LIST_KEY_FILE). */
      key: StaffListKey | null;
      now: () => Date;
      log: PortalLog;
      /** The PIN's randomness (tests pin it). */
      randomPin?: () => string;
    },
  ) {}

  get publishing(): boolean {
    return this.deps.key !== null;
  }

  async search(search: StaffSearch): Promise<StaffPage> {
    const { staff, lists } = await this.deps.store.search(search.officeCode);
    return { staff, lists, publishing: this.publishing };
  }

  async create(request: CreateStaffRequest, accountId: number): Promise<StaffAnswer<PinIssued>> {
    const { pin, pinHash } = await this.newPin();
    const outcome = await this.deps.store.create(
      { officeCode: request.officeCode, staffId: request.staffId, displayName: request.displayName, roles: request.roles, cardNumber: request.cardNumber ?? null, pinHash },
      this.context('staff_created', request, accountId),
    );
    return this.answered(outcome, 'staff_created', (changed) => ({ member: changed.member, pin, listVersion: changed.listVersion }));
  }

  async setState(request: StaffStateRequest, accountId: number): Promise<StaffAnswer<StaffStateChanged>> {
    const kind = request.state === 'active' ? 'staff_enabled' : 'staff_disabled';
    const outcome = await this.deps.store.setState(request, request.state, this.context(kind, request, accountId));
    return this.answered(outcome, kind, (changed) => ({ member: changed.member, listVersion: changed.listVersion }));
  }

  async resetPin(request: PinResetRequest, accountId: number): Promise<StaffAnswer<PinIssued>> {
    const { pin, pinHash } = await this.newPin();
    const outcome = await this.deps.store.resetPin(request, pinHash, this.context('staff_pin_reset', request, accountId));
    return this.answered(outcome, 'staff_pin_reset', (changed) => ({ member: changed.member, pin, listVersion: changed.listVersion }));
  }

  /** The signed list of the kiosk's office; null when there is none to give (no list, or no key). */
  async listForKiosk(kioskCode: string): Promise<OfficeStaffList | null> {
    if (!this.deps.key) return null;
    const officeCode = officeCodeOfKiosk(kioskCode);
    const list = await this.deps.store.list(officeCode);
    if (!list?.signed) return null;
    return { etag: staffListEtag(officeCode, list.version), signed: list.signed };
  }

  private async newPin(): Promise<{ pin: string; pinHash: Awaited<ReturnType<typeof hashPin>> }> {
    const pin = (this.deps.randomPin ?? issuePin)();
    return { pin, pinHash: await hashPin(pin) };
  }

  private context(kind: PortalAuditKind, key: StaffKey, accountId: number): StaffChangeContext {
    return {
      at: this.deps.now(),
      sign: this.deps.key?.sign ?? null,
      // Who, which and the version it made; never the PIN, its hash, the name or the card.
      audit: (listVersion) => ({
        kind,
        actor: portalAuditActor(accountId),
        subject: staffAuditSubject(key.officeCode, key.staffId),
        details: { officeCode: key.officeCode, staffId: key.staffId, listVersion },
      }),
    };
  }

  private answered<T>(outcome: StaffChangeOutcome, kind: PortalAuditKind, value: (changed: Extract<StaffChangeOutcome, { member: unknown }>) => T): StaffAnswer<T> {
    if (outcome.outcome === 'refused') {
      this.deps.log('staff_change_refused', { kind, reason: outcome.reason });
      return { outcome: 'refused', reason: outcome.reason };
    }
    if (outcome.outcome === 'changed') {
      this.deps.log(kind, { officeCode: outcome.member.officeCode, staffId: outcome.member.staffId, listVersion: outcome.listVersion, published: this.publishing ? 1 : 0 });
    }
    return { outcome: 'done', value: value(outcome) };
  }
}
