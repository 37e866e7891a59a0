import { randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { STAFF_PIN_MAX_DIGITS, STAFF_PIN_MIN_DIGITS, type PinHash } from '../../shared/content/staff-schema.js';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keyLength: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/**
 * The cost every new PIN hash is made with. A kiosk runs one check per sign-in attempt, so the
 * cost is what a person waits at the counter: N = 2^15, r = 8 takes 32 MiB and about 80 ms on a
 * server core, a few hundred ms on a kiosk's low-power CPU, which staff do not notice and which
 * the kiosk's memory takes easily. 2^16 would double both for little: a 6-digit PIN has only 10^6
 * values, so against an offline attacker holding the hashes the cost buys time (about a core-day
 * per record at this cost), not safety; the lockout guards the kiosk itself. p = 1 keeps it to
 * one core, a 32-byte key matches SHA-256's strength.
 */
export const PIN_HASH_COST = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;
const SALT_BYTES = 16;

/** A PIN refused before hashing, with the reason in words for whoever typed it. */
export class PinRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PinRefused';
  }
}

/**
 * The PIN as typed on standard input: one line of digits. The refusal never repeats what was
 * typed, since it might be close to the PIN meant.
 */
export function readPin(input: string): string {
  const pin = input.replace(/\r?\n$/, '');
  if (pin.length === 0) throw new PinRefused('no PIN on standard input');
  if (!/^\d+$/.test(pin)) throw new PinRefused('a PIN is digits only (0-9), as the kiosk\'s digit layout types it');
  if (pin.length < STAFF_PIN_MIN_DIGITS) throw new PinRefused(`a PIN has at least ${STAFF_PIN_MIN_DIGITS} digits; this one has ${pin.length}`);
  if (pin.length > STAFF_PIN_MAX_DIGITS) throw new PinRefused(`a PIN has at most ${STAFF_PIN_MAX_DIGITS} digits; this one has ${pin.length}`);
  return pin;
}

/** The pinHash of a staff record, with a fresh salt of its own. */
export async function hashPin(pin: string, cost: { N: number; r: number; p: number; keyLength: number } = PIN_HASH_COST): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(readPin(pin), salt, cost.keyLength, { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r });
  return { algorithm: 'scrypt', N: cost.N, r: cost.r, p: cost.p, keyLength: cost.keyLength, salt: salt.toString('base64'), hash: hash.toString('base64') };
}
