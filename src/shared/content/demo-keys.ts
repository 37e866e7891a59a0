/**
 * The public halves of the demo keys, whose private halves are in the repository
 * (resources/demo-keys): anyone with the repository can sign content and staff lists these accept
 * and can open what is sealed to the demo portal key. A kiosk trusting any of them is a demo; a
 * release build refuses them unless it is declared a demo. A test checks this list against the
 * private files, so a new demo key cannot be left out.
 */
export const DEMO_PUBLIC_KEYS = {
  /** Ed25519, base64 of the raw key, as the trust files write them. */
  contentSigning: ['gQrh3d0OCz6KwHl0FYVN+R1D/ZBOA9gD4VFdFUteez4=', 'Us8oUPAQ/KsgjhZRUZXjFQMx7X7HLiquCVUytkIxJvM='],
  staffListSigning: ['l8hQdy1Y8EEkdCYBRhaNKI/WhUaMHPmaYWeJe7kY7gM='],
  /** X25519, base64url of the raw key, as the content's portal-key.json writes it. */
  portalEncryption: ['ymSKDh8obO7p3R5hEIBexJzwTDkO8ZBBMqF_CQIdfj0'],
} as const;

const ALL_DEMO_KEYS: ReadonlySet<string> = new Set(Object.values(DEMO_PUBLIC_KEYS).flat());

export const isDemoPublicKey = (publicKey: string): boolean => ALL_DEMO_KEYS.has(publicKey);
