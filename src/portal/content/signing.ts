import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { SignatureEnvelope, TrustAnchor } from '../../shared/content/content-schema.js';

/** A content signing key as the administrator keeps it offline. */
export const signingKeyFileSchema = z.object({
  keyId: z.string().min(1).max(64),
  algorithm: z.literal('Ed25519'),
  privateKeyPkcs8: z.string().min(1),
});
export type SigningKeyFile = z.infer<typeof signingKeyFileSchema>;

export function generateSigningKey(keyId: string): { privateKey: SigningKeyFile; publicKey: TrustAnchor } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: {
      keyId,
      algorithm: 'Ed25519',
      privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    },
    publicKey: { keyId, publicKey: rawPublicKey(publicKey) },
  };
}

export function loadSigningKey(file: SigningKeyFile): KeyObject {
  return createPrivateKey({ key: Buffer.from(file.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
}

export function signBytes(keyId: string, key: KeyObject, message: Uint8Array): SignatureEnvelope {
  return { keyId, algorithm: 'Ed25519', signature: sign(null, message, key).toString('base64') };
}

function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('base64');
}
