import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import type { JsonWebKey } from 'node:crypto';
import type { StoredSubmission } from './storage/portal-store.js';

/**
 * The portal's (administrator-side) opener for stored submissions: the counterpart of the kiosk's
 * sealing (src/main/core/submissions/sealing.ts), written again here because the portal may not
 * import kiosk code. HPKE (RFC 9180) base mode, DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 /
 * AES-256-GCM; sealed = 32-byte encapsulated key || ciphertext; the associated data binds the blob to
 * its submission id and form, so a blob moved to another row does not open.
 *
 * Storage only ever holds the sealed bytes; this runs where processing happens, with the private key.
 */
export const SEALED_FORMAT = 'hpke-x25519-sha256-aes256gcm-v1';
const ENCAPSULATED_KEY_BYTES = 32;

export class SubmissionOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubmissionOpenError';
  }
}

export function submissionAssociatedData(id: string, formId: string, formVersion: number): Uint8Array {
  return new TextEncoder().encode(`kyzmat-submission|${id}|${formId}|${formVersion}`);
}

export type SealedSubmission = Pick<StoredSubmission, 'id' | 'formId' | 'formVersion' | 'sealedFormat' | 'sealed'>;

/** The plaintext the kiosk sealed (UTF-8 JSON of the application document). Throws SubmissionOpenError when it does not open. */
export async function openSubmission(row: SealedSubmission, privateKeyJwk: JsonWebKey): Promise<Uint8Array> {
  if (row.sealedFormat !== SEALED_FORMAT) throw new SubmissionOpenError(`unknown sealed format ${row.sealedFormat}`);
  if (row.sealed.length <= ENCAPSULATED_KEY_BYTES) throw new SubmissionOpenError('the sealed blob is too short');
  const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
  const recipientKey = await suite.kem.importKey('jwk', privateKeyJwk, false);
  try {
    const plaintext = await suite.open(
      // Copies, not views: a Buffer from a driver may share a larger pool ArrayBuffer.
      { recipientKey, enc: Uint8Array.from(row.sealed.subarray(0, ENCAPSULATED_KEY_BYTES)).buffer },
      Uint8Array.from(row.sealed.subarray(ENCAPSULATED_KEY_BYTES)),
      submissionAssociatedData(row.id, row.formId, row.formVersion),
    );
    return new Uint8Array(plaintext);
  } catch {
    throw new SubmissionOpenError('the sealed blob does not open with this key for this submission');
  }
}

/** openSubmission, then JSON. */
export async function openSubmissionDocument(row: SealedSubmission, privateKeyJwk: JsonWebKey): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await openSubmission(row, privateKeyJwk))) as unknown;
}
