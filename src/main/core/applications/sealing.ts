import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import type { JsonWebKey } from 'node:crypto';

/**
 * Seals an application to the portal's public key with HPKE (RFC 9180), base mode,
 * DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM. The kiosk holds only the public key,
 * so it cannot open what it queued: a stolen kiosk disk reveals no applicant's data.
 *
 * Stored form: the 32-byte encapsulated key followed by the ciphertext. The associated data
 * binds the sealed answers to the outbox row's id and form, so a blob moved to another row fails.
 */
export const SEALED_FORMAT = 'hpke-x25519-sha256-aes256gcm-v1';
const ENCAPSULATED_KEY_BYTES = 32;

const suite = () => new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });

export function submissionAssociatedData(applicationId: string, formId: string, formVersion: number): Uint8Array {
  return new TextEncoder().encode(`kyzmat-submission|${applicationId}|${formId}|${formVersion}`);
}

export async function sealToPortal(publicKeyBase64Url: string, plaintext: Uint8Array, associatedData: Uint8Array): Promise<Uint8Array> {
  const cipherSuite = suite();
  const recipientPublicKey = await cipherSuite.kem.importKey('raw', base64UrlBytes(publicKeyBase64Url).buffer as ArrayBuffer, true);
  const { enc, ct } = await cipherSuite.seal({ recipientPublicKey }, plaintext, associatedData);
  const sealed = new Uint8Array(enc.byteLength + ct.byteLength);
  sealed.set(new Uint8Array(enc), 0);
  sealed.set(new Uint8Array(ct), enc.byteLength);
  return sealed;
}

/** The portal's side (and the tests'): only a holder of the private key can do this. */
export async function openSealed(privateKeyJwk: JsonWebKey, sealed: Uint8Array, associatedData: Uint8Array): Promise<Uint8Array> {
  const cipherSuite = suite();
  const recipientKey = await cipherSuite.kem.importKey('jwk', privateKeyJwk, false);
  const plaintext = await cipherSuite.open(
    // Copies, not views: a Buffer from SQLite may share a larger pool ArrayBuffer.
    { recipientKey, enc: Uint8Array.from(sealed.subarray(0, ENCAPSULATED_KEY_BYTES)).buffer },
    Uint8Array.from(sealed.subarray(ENCAPSULATED_KEY_BYTES)),
    associatedData,
  );
  return new Uint8Array(plaintext);
}

function base64UrlBytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}
