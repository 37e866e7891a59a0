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

/** The private keys the portal opens applications with, by key id: the current, the next ahead of a rotation, and retired ones. */
export interface PortalKeyring {
  /** The ids held, for the start-up line: never the keys. */
  readonly keyIds: readonly string[];
  byId(keyId: string): PortalPrivateKey | undefined;
}

export interface PortalKeyFiles {
  /** PORTAL_PRIVATE_KEY_FILE: the key the published content names as current. */
  current?: string;
  /** PORTAL_NEXT_PRIVATE_KEY_FILE: the key the content names as next; held before any kiosk seals to it. */
  next?: string;
  /** PORTAL_RETIRED_PRIVATE_KEY_FILES: earlier keys, kept while applications sealed to them still hold answers. */
  retired?: readonly string[];
}

/**
 * Reads every key the portal is given, once, at start. Applications carry the id of the key they
 * were sealed to, so during a rotation the portal opens either: kiosks move to the next key at its
 * time by their own clocks, and their queues still hold applications sealed to the current one.
 * Two files with one id stop the start: which of them opens an application would be a guess.
 */
export function readPortalKeyring(files: PortalKeyFiles): PortalKeyring {
  const keys = new Map<string, PortalPrivateKey>();
  const fileOf = new Map<string, string>();
  for (const file of [files.current, files.next, ...(files.retired ?? [])]) {
    if (!file) continue;
    const key = readPortalPrivateKey(file);
    const earlier = fileOf.get(key.keyId);
    if (earlier !== undefined) throw new Error(`${earlier} and ${file} both hold a portal key with id ${key.keyId}; each key needs an id of its own`);
    keys.set(key.keyId, key);
    fileOf.set(key.keyId, file);
  }
  return { keyIds: [...keys.keys()], byId: (keyId) => keys.get(keyId) };
}
