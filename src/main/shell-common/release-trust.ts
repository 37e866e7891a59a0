import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDemoPublicKey } from '../../shared/content/demo-keys.js';

/**
 * What a release would ship that anyone with the repository can forge or open: a trust file
 * naming a demo key, or a bundled content package that seals applications to the demo portal key.
 * Each finding names the file and the key, so whoever builds knows what to replace.
 */
export function demoTrustFindings(resourcesFolder: string, contentBundleFolder: string): string[] {
  const findings: string[] = [];
  for (const file of ['content-keys.json', 'staff-list-keys.json']) {
    const path = join(resourcesFolder, 'trust', file);
    if (!existsSync(path)) continue;
    const anchors = JSON.parse(readFileSync(path, 'utf8')) as { keyId?: string; publicKey?: string }[];
    for (const anchor of anchors) {
      if (anchor.publicKey && isDemoPublicKey(anchor.publicKey)) findings.push(`resources/trust/${file} trusts the demo key ${anchor.keyId ?? anchor.publicKey}`);
    }
  }
  const catalogue = join(contentBundleFolder, 'catalogue.json');
  if (existsSync(catalogue)) {
    type NamedKey = { keyId?: string; publicKey?: string } | undefined;
    const document = JSON.parse(readFileSync(catalogue, 'utf8')) as { portalEncryptionKey?: NamedKey; portalEncryptionNextKey?: NamedKey };
    for (const key of [document.portalEncryptionKey, document.portalEncryptionNextKey]) {
      if (key?.publicKey && isDemoPublicKey(key.publicKey)) findings.push(`the bundled content seals applications to the demo portal key ${key.keyId ?? key.publicKey}`);
    }
  }
  return findings;
}
