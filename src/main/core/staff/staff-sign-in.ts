import {
  staffCardNumberSchema,
  staffIdSchema,
  staffPinSchema,
  type PinHash,
  type StaffRecord,
  type StaffRole,
} from '../../../shared/content/staff-schema.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import type { Logger } from '../logger.js';
import type { KioskDatabase } from '../storage/database.js';
import { unmatchableHash, verifyPin } from './pin-verifier.js';
import { StaffLockoutStore } from './staff-lockout-store.js';

/** Wrong PINs in a row that lock a staff id on this kiosk. */
export const MAX_PIN_ATTEMPTS = 5;
/** How long the lock lasts when the content settings do not say. */
export const DEFAULT_STAFF_LOCKOUT_MINUTES = 15;
/** The cost of the stand-in hash while the catalogue has no staff to copy it from. */
const FALLBACK_COST = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;

export type StaffIdentifier = { staffId: string } | { cardNumber: string };

export interface SignedInStaff {
  staffId: string;
  displayName: string;
  roles: StaffRole[];
}

/**
 * Why a sign-in was refused. WRONG_PIN stands for an unknown staff id or card too: telling them
 * apart would let anyone at the screen find out which ids exist. VALIDATION is an id or PIN that
 * no record can have (letters, too short), refused before anything is counted.
 */
export type SignInRefusal =
  | { code: 'WRONG_PIN'; message: string; attemptsLeft: number }
  | { code: 'LOCKED'; message: string; until: string }
  | { code: 'VALIDATION'; message: string };

/**
 * The shape of the contract's Result, with the refusal's details beside its code. A success also
 * names the PIN hash the PIN matched, for the session to keep (never for the page): a staff list
 * that gives the record another hash ends the session.
 */
export type SignInResult = { ok: true; value: SignedInStaff; pinHash: PinHash } | { ok: false; error: SignInRefusal };

/** What a sign-in needs from the active content: its staff list and the lockout period. */
export interface StaffDirectory {
  staff(): readonly StaffRecord[];
  lockoutMinutes(): number | undefined;
}

export interface StaffSignInOptions {
  db: KioskDatabase;
  directory: StaffDirectory;
  clock: () => Date;
  log: Logger;
  /**
   * Failures and locks go to the audit trail, the actor only from a record found, never what was
   * typed; a sign-in that succeeds is recorded by whoever starts the session with it.
   */
  recordAudit?: RecordAudit;
}

/**
 * Staff sign-in on this kiosk: a staff id or card number and a PIN, checked against the hashed
 * PINs of the active content package. Five wrong PINs lock that staff id here for the content's
 * lockout period; an unknown id or card is hashed, counted and locked just the same. Attempts run
 * one at a time, so several sent at once cannot slip past the count.
 */
export class StaffSignIn {
  private readonly lockouts: StaffLockoutStore;
  private queue: Promise<unknown> = Promise.resolve();
  private standIn: PinHash | undefined;

  constructor(private readonly options: StaffSignInOptions) {
    this.lockouts = new StaffLockoutStore(options.db);
  }

  signIn(identifier: StaffIdentifier, pin: string): Promise<SignInResult> {
    const run = () => this.attempt(identifier, pin);
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  private async attempt(identifier: StaffIdentifier, pin: string): Promise<SignInResult> {
    const { clock, log } = this.options;
    const audit = this.options.recordAudit ?? (() => undefined);
    const subject = subjectOf(identifier);
    if (subject === undefined || !staffPinSchema.safeParse(pin).success) {
      return { ok: false, error: { code: 'VALIDATION', message: 'a staff id, card number or PIN that no staff record can have' } };
    }
    const staff = this.options.directory.staff();
    const record = 'staffId' in identifier
      ? staff.find((candidate) => candidate.staffId === identifier.staffId)
      : staff.find((candidate) => candidate.cardNumber === identifier.cardNumber);
    const counted = record ? record.staffId : subject;
    const known = { staffId: record?.staffId, by: 'staffId' in identifier ? 'staff_id' : 'card' } as const;

    const before = this.lockouts.state(counted, clock());
    const actor = record?.staffId ?? null;
    const unknownReason = known.by === 'card' ? 'UNKNOWN_CARD' : 'UNKNOWN_STAFF';
    if (before.lockedUntil) {
      log.info('staff_sign_in_refused', { ...known, reason: 'locked' });
      audit({ kind: 'staff_sign_in_failed', actor, subject: null, details: { reason: 'LOCKED', failedAttempts: before.failedAttempts } });
      return locked(before.lockedUntil);
    }

    const matches = await verifyPin(pin, record?.pinHash ?? this.standInHash(staff));
    const now = clock();
    if (record && matches) {
      this.lockouts.clear(counted);
      log.info('staff_signed_in', { staffId: record.staffId, by: known.by });
      return { ok: true, value: { staffId: record.staffId, displayName: record.displayName, roles: [...record.roles] }, pinHash: record.pinHash };
    }
    const lockMinutes = this.options.directory.lockoutMinutes() ?? DEFAULT_STAFF_LOCKOUT_MINUTES;
    const after = this.lockouts.recordFailure(counted, now, { maxAttempts: MAX_PIN_ATTEMPTS, lockMinutes });
    audit({
      kind: 'staff_sign_in_failed',
      actor,
      subject: null,
      details: { reason: record ? 'WRONG_PIN' : unknownReason, failedAttempts: after.failedAttempts },
    });
    if (after.lockedUntil) {
      log.warn('staff_locked', { ...known, until: after.lockedUntil.toISOString() });
      audit({ kind: 'staff_locked', actor, subject: null, details: { failedAttempts: after.failedAttempts, lockedMinutes: lockMinutes } });
      return locked(after.lockedUntil);
    }
    log.info('staff_sign_in_refused', { ...known, reason: 'wrong_pin', attemptsLeft: MAX_PIN_ATTEMPTS - after.failedAttempts });
    return {
      ok: false,
      error: { code: 'WRONG_PIN', message: 'the staff id or PIN is wrong', attemptsLeft: MAX_PIN_ATTEMPTS - after.failedAttempts },
    };
  }

  /** Made once, at the cost of the first staff record: staff lists are hashed at one cost. */
  private standInHash(staff: readonly StaffRecord[]): PinHash {
    const cost = staff[0]?.pinHash ?? FALLBACK_COST;
    const current = this.standIn;
    if (current && current.N === cost.N && current.r === cost.r && current.p === cost.p && current.keyLength === cost.keyLength) return current;
    this.standIn = unmatchableHash(cost);
    return this.standIn;
  }
}

/** The key the count is kept under; undefined for an identifier no record can carry. */
function subjectOf(identifier: StaffIdentifier): string | undefined {
  if ('staffId' in identifier) return staffIdSchema.safeParse(identifier.staffId).success ? identifier.staffId : undefined;
  return staffCardNumberSchema.safeParse(identifier.cardNumber).success ? `card:${identifier.cardNumber}` : undefined;
}

function locked(until: Date): SignInResult {
  return { ok: false, error: { code: 'LOCKED', message: 'this staff id is locked on this kiosk for a while', until: until.toISOString() } };
}
