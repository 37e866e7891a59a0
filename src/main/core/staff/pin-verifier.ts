import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { PinHash } from '../../../shared/content/staff-schema.js';

/**
 * scrypt on libuv's thread pool, so a sign-in never stalls the host's other work. The memory cap
 * is twice what the parameters need; the package schema bounds N and r, so it stays bounded too.
 */
function deriveKey(pin: string, salt: Buffer, cost: Pick<PinHash, 'N' | 'r' | 'p' | 'keyLength'>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, cost.keyLength, { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** True when the PIN is the one the record's hash was made from; compared in constant time. */
export async function verifyPin(pin: string, pinHash: PinHash): Promise<boolean> {
  const expected = Buffer.from(pinHash.hash, 'base64');
  const derived = await deriveKey(pin, Buffer.from(pinHash.salt, 'base64'), pinHash);
  return derived.length === expected.length && timingSafeEqual(derived, expected);
}

/**
 * A hash no PIN matches, made at the cost of the real ones: checking a PIN against it takes as
 * long as against a staff record, so an id that does not exist cannot be told by the time it takes.
 */
export function unmatchableHash(cost: Pick<PinHash, 'N' | 'r' | 'p' | 'keyLength'>): PinHash {
  return {
    algorithm: 'scrypt',
    N: cost.N,
    r: cost.r,
    p: cost.p,
    keyLength: cost.keyLength,
    salt: randomBytes(16).toString('base64'),
    hash: randomBytes(cost.keyLength).toString('base64'),
  };
}
