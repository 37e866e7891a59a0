import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../shared/contract/backoffice.js';
import type { PasswordHash } from '../storage/backoffice-account-store.js';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keyLength: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/**
 * The cost of every new password hash: scrypt with N = 2^15, r = 8, p = 1 (32 MiB, about 80 ms on
 * one core of this portal's machine), as the kiosk's staff PINs. A sign-in waits for one check, so
 * an officer does not notice it, and the per-address rate limit keeps sign-in from becoming a way
 * to burn the portal's CPU. A 12-character password is far stronger than a 6-digit PIN, so this
 * cost makes an offline attack on a stolen hash hopeless rather than merely slow.
 */
export const PASSWORD_HASH_COST = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;
const SALT_BYTES = 16;

/** A password refused before hashing; the words never repeat what was typed. */
export class PasswordRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PasswordRefused';
  }
}

/** The password as given on standard input: one line, its end of line not part of it. */
export function readPassword(input: string): string {
  const password = input.replace(/\r?\n$/, '');
  if (password.length === 0) throw new PasswordRefused('no password on standard input');
  if (/[\r\n]/.test(password)) throw new PasswordRefused('a password is one line');
  if (password.length < MIN_PASSWORD_LENGTH) throw new PasswordRefused(`a password has at least ${MIN_PASSWORD_LENGTH} characters; this one has ${password.length}`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new PasswordRefused(`a password has at most ${MAX_PASSWORD_LENGTH} characters`);
  return password;
}

export async function hashPassword(password: string, cost: typeof PASSWORD_HASH_COST = PASSWORD_HASH_COST): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(readPassword(password), salt, cost);
  return { algorithm: 'scrypt', ...cost, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

/** Whether the password matches, compared in constant time; the hash's own cost is used, so an older cost still verifies. */
export async function passwordMatches(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const given = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A hash no password matches, made once at the current cost: an unknown or disabled username is
 * checked against it, so its answer takes as long as a wrong password's.
 */
export const UNMATCHABLE_HASH: PasswordHash = {
  algorithm: 'scrypt',
  ...PASSWORD_HASH_COST,
  salt: randomBytes(SALT_BYTES).toString('base64'),
  hash: randomBytes(PASSWORD_HASH_COST.keyLength).toString('base64'),
};

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number; keyLength: number }): Promise<Buffer> {
  return scryptAsync(password, salt, cost.keyLength, { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r });
}
