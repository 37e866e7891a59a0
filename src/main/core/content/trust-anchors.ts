import { readFileSync } from 'node:fs';
import { trustAnchorsSchema, type TrustAnchor } from '../../../shared/content/content-schema.js';

/** The content signing keys this kiosk trusts (resources/trust/content-keys.json). */
export function readTrustAnchors(file: string): TrustAnchor[] {
  return trustAnchorsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
