import { readFileSync } from 'node:fs';
import type { JsonWebKey } from 'node:crypto';
import { z } from 'zod';

/** The portal's HPKE private key file, as `content keygen` writes the portal's pair: its id and its X25519 JWK. */
const portalPrivateKeySchema = z.object({
  keyId: z.string().min(1).max(64),
  privateKeyJwk: z.object({ kty: z.literal('OKP'), crv: z.literal('X25519'), d: z.string().min(1), x: z.string().min(1) }).loose(),
});
export interface PortalPrivateKey {
  keyId: string;
  privateKeyJwk: JsonWebKey;
}

/**
 * Reads the key the portal opens applications with, once, at start. It stays in this process:
 * no answer, log line or error carries it, and the browser only ever sees opened answers.
 */
export function readPortalPrivateKey(file: string): PortalPrivateKey {
  const refused = () => new Error(`${file} is not a portal private key file ({keyId, privateKeyJwk: an X25519 JWK})`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    // JSON.parse quotes the text it choked on, and that text is the key: only the file's name goes on.
    if (error instanceof SyntaxError) throw refused();
    throw error;
  }
  const parsed = portalPrivateKeySchema.safeParse(json);
  // The message names the file only: a key's parts must not reach a log through a validation message.
  if (!parsed.success) throw refused();
  return { keyId: parsed.data.keyId, privateKeyJwk: parsed.data.privateKeyJwk };
}
