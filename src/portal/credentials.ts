import { createHash, randomBytes } from 'node:crypto';
import { KIOSK_TOKEN_PATTERN } from '../shared/contract/portal.js';
import { isValidKioskCode } from '../shared/domain/receipt-number.js';

/**
 * Kiosk credentials: `kiosk_<KIOSK CODE>.<32 random bytes, base64url>`. The administrator sees the
 * token once, when it is issued; the portal keeps only the SHA-256 of the secret part, so a copy of
 * the portal's database lets nobody act as a kiosk.
 */
const SECRET_BYTES = 32;

export interface IssuedCredential {
  kioskCode: string;
  token: string;
  secretHash: string;
}

export interface PresentedCredential {
  kioskCode: string;
  secretHash: string;
}

export function newKioskCredential(kioskCode: string): IssuedCredential {
  if (!isValidKioskCode(kioskCode)) throw new RangeError('a kiosk code is four characters of the receipt alphabet, such as BSK1');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { kioskCode, token: `kiosk_${kioskCode}.${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Reads `Authorization: Bearer kiosk_…`; null for anything else (missing, another scheme, malformed). */
export function presentedCredential(authorization: string | undefined): PresentedCredential | null {
  if (!authorization) return null;
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization);
  const token = match ? KIOSK_TOKEN_PATTERN.exec(match[1]!) : null;
  if (!token || !isValidKioskCode(token[1]!)) return null;
  return { kioskCode: token[1]!, secretHash: hashSecret(token[2]!) };
}
