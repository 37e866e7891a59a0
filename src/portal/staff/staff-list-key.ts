import { readFileSync } from 'node:fs';
import { staffListDocumentSchema, staffListSignedBytes, type SignedStaffList, type StaffListDocument } from '../../shared/content/signed-staff-list.js';
import { loadSigningKey, signBytes, signingKeyFileSchema } from '../content/signing.js';
import type { StaffListSigner } from '../storage/staff-store.js';

/** The portal's online staff-list key, read once at start: its id, and the signer the staff store calls inside each change. */
export interface StaffListKey {
  keyId: string;
  sign: StaffListSigner;
}

/**
 * Reads PORTAL_STAFF_LIST_KEY_FILE: the same file shape as a content signing key (`content keygen`
 * writes it), but a key of its own, which kiosks trust for staff lists only. The private key stays
 * in this process; no answer, log line or error carries it (a refusal names the file only).
 */
export function readStaffListKey(file: string): StaffListKey {
  const refused = () => new Error(`${file} is not a staff-list key file ({keyId, algorithm: "Ed25519", privateKeyPkcs8})`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    // JSON.parse quotes the text it choked on, and that text is the key.
    if (error instanceof SyntaxError) throw refused();
    throw error;
  }
  const parsed = signingKeyFileSchema.safeParse(json);
  if (!parsed.success) throw refused();
  let key;
  try {
    key = loadSigningKey(parsed.data);
  } catch {
    throw refused();
  }
  if (key.asymmetricKeyType !== 'ed25519') throw refused();
  const { keyId } = parsed.data;
  return {
    keyId,
    sign: (document: StaffListDocument): SignedStaffList => {
      // A list a kiosk would refuse is never signed: the change it came with fails instead.
      const checked = staffListDocumentSchema.parse(document);
      const text = JSON.stringify(checked);
      const { signature } = signBytes(keyId, key, staffListSignedBytes(new TextEncoder().encode(text)));
      return { document: text, keyId, algorithm: 'Ed25519', signature };
    },
  };
}
