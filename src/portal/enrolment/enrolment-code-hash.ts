import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * The stored form of an enrolment code: scrypt with a 16-byte salt of its own, N = 2^14, r = 8,
 * p = 1, 32 bytes. A code has 45 random bits: a plain SHA-256 of it could be searched through in
 * hours by whoever holds a copy of the database, scrypt makes that search years long, while one
 * exchange costs the portal about 30 ms (and the exchange is rate-limited per address).
 */
const PARAMETERS = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_BYTES = 32;

export interface CodeHash {
  salt: string;
  hash: string;
}

export async function hashEnrolmentCode(code: string, salt: string = randomBytes(16).toString('base64url')): Promise<CodeHash> {
  return { salt, hash: (await derive(code, salt)).toString('hex') };
}

/** Compares in constant time; a malformed stored hash matches nothing. */
export async function enrolmentCodeMatches(code: string, stored: CodeHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'hex');
  const actual = await derive(code, stored.salt);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function derive(code: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(code, salt, KEY_BYTES, PARAMETERS, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
