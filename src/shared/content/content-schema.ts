import { z } from 'zod';
import { CLOCK_TIME } from '../domain/maintenance-window.js';
import { expressionSchema, fieldIdSchema, formDefinitionSchema } from '../forms/form-schema.js';
import { languageSchema, localizedTextSchema } from '../domain/language-schemas.js';
import { staffListSchema } from './staff-schema.js';

/**
 * The content package: everything a kiosk shows that administrators, not developers, decide.
 * One JSON document (`catalogue.json`) plus binary parts (sample forms), all listed with their
 * SHA-256 and size in a manifest signed with Ed25519. Every human text is in ky, ru and en.
 */
export const CONTENT_FORMAT = 1;
export const CATALOGUE_PART = 'catalogue.json';

export const contentIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case latin letters, digits and single hyphens')
  .max(64);

/** Whole som; the kiosk never shows tyiyn. */
export const somSchema = z.number().int('a price is a whole number of som').nonnegative().max(10_000_000);

export const CATEGORY_ICONS = ['id-card', 'passport', 'home', 'family', 'property', 'vehicle', 'signature', 'document'] as const;

export const categorySchema = z.object({
  id: contentIdSchema,
  icon: z.enum(CATEGORY_ICONS),
  title: localizedTextSchema,
  description: localizedTextSchema,
});

export const priceSchema = z.object({
  amountSom: somSchema,
  /** True where the figure is an assumption awaiting the official price list; the kiosk says so. */
  assumed: z.boolean(),
  note: localizedTextSchema.optional(),
  /**
   * The form's calculated som field whose value is what this visitor pays (the fee for the urgency
   * they chose, say); without it the receipt states `amountSom`.
   */
  amountField: fieldIdSchema.optional(),
});

export const processingTimeSchema = z.object({
  /** 0 means the same day. */
  workingDays: z.number().int().nonnegative().max(365),
  assumed: z.boolean(),
  note: localizedTextSchema.optional(),
});

export const urgencyTierSchema = z
  .object({
    id: contentIdSchema,
    label: localizedTextSchema,
    amountSom: somSchema,
    workingDays: z.number().int().nonnegative().max(365).optional(),
    hours: z.number().int().positive().max(72).optional(),
    note: localizedTextSchema.optional(),
  })
  .refine((tier) => (tier.workingDays === undefined) !== (tier.hours === undefined), {
    message: 'an urgency tier gives either workingDays or hours',
  });

export const requiredDocumentSchema = z.object({
  id: contentIdSchema,
  title: localizedTextSchema,
  note: localizedTextSchema.optional(),
  /**
   * When the document is needed, over the form's answers (a divorce certificate only for someone
   * married before). The catalogue lists every document; the receipt lists those that apply.
   */
  relevant: expressionSchema.optional(),
});

export const SAMPLE_MEDIA_TYPES = ['image/svg+xml', 'image/png', 'image/jpeg', 'image/webp'] as const;

export const sampleFormSchema = z.object({
  id: contentIdSchema,
  title: localizedTextSchema,
  /** Path of a part in the package, e.g. `samples/id-card-first.svg`. */
  part: z.string().regex(/^samples\/[a-z0-9][a-z0-9._-]*$/),
  mediaType: z.enum(SAMPLE_MEDIA_TYPES),
  /** The languages the sample is written in; the kiosk shows a visitor the sample in their language first. */
  languages: z.array(languageSchema).min(1).max(3).optional(),
});

/** A word or phrase a visitor may search by: a colloquial name, an abbreviation, the other language's word. */
const searchKeywordSchema = z.string().trim().min(1).max(80);
const keywordListSchema = z.array(searchKeywordSchema).max(40);

/** Extra search words per language; they rank like the title, since they name the service as visitors do. */
export const serviceKeywordsSchema = z.object({ ky: keywordListSchema, ru: keywordListSchema, en: keywordListSchema });

export const serviceSchema = z.object({
  id: contentIdSchema,
  categoryId: contentIdSchema,
  title: localizedTextSchema,
  summary: localizedTextSchema,
  keywords: serviceKeywordsSchema.optional(),
  description: localizedTextSchema,
  whoMayApply: localizedTextSchema,
  /** The agency that provides the service today (names change; see domain-facts.md). */
  agency: localizedTextSchema,
  price: priceSchema,
  processingTime: processingTimeSchema,
  urgencyTiers: z.array(urgencyTierSchema).default([]),
  requiredDocuments: z.array(requiredDocumentSchema).min(1),
  sampleForms: z.array(sampleFormSchema).default([]),
  formId: contentIdSchema,
  /**
   * Legal texts a visitor accepts for this service beyond the privacy policy and user agreement
   * (the certification centre's policy for an e-signature), shown and versioned the same way.
   */
  additionalLegalTexts: z.array(z.enum(['certification-centre-policy'])).max(3).default([]),
});


export const LEGAL_TEXT_KINDS = ['privacy-policy', 'user-agreement', 'certification-centre-policy'] as const;

export const legalTextSchema = z.object({
  kind: z.enum(LEGAL_TEXT_KINDS),
  version: z.string().min(1).max(32),
  /** The language whose text is legally binding; the others are unofficial translations. */
  officialLanguage: z.literal('ky'),
  title: localizedTextSchema,
  /**
   * A few plain sentences per language on top of the consent screen: what is collected, why, for
   * how long, the visitor's rights and whom to ask. The full text stays one tap away.
   */
  summary: localizedTextSchema.optional(),
  body: localizedTextSchema,
});

export const kioskSettingsSchema = z.object({
  officeName: localizedTextSchema,
  visitorIdleSeconds: z.number().int().min(30).max(1800),
  idleWarningSeconds: z.number().int().min(10).max(120),
  clerkIdleSeconds: z.number().int().min(60).max(7200),
  contentPollSeconds: z.number().int().min(30).max(86_400),
  support: z.object({
    email: z.email(),
    phone: z.string().regex(/^\+996[\d ()-]{9,16}$/),
    hours: localizedTextSchema,
  }),
  /** Where this office is, for the Help screen. */
  officeAddress: localizedTextSchema.optional(),
  /** How and where a visitor pays the fee in this office, printed on the receipt. */
  payment: localizedTextSchema.optional(),
  /**
   * The public status page a receipt's QR code opens: an https address with `{receiptNumber}`
   * where the number goes. Without it the QR holds the number alone.
   */
  statusLookupUrl: z
    .string()
    .max(200)
    .regex(/^https:\/\/[^\s{}]+\{receiptNumber\}[^\s{}]*$/, 'an https address with {receiptNumber} in it')
    .optional(),
  /** How long a staff id stays locked on a kiosk after five wrong PINs there; 15 without it. */
  staffLockoutMinutes: z.number().int().min(1).max(1440).optional(),
  /**
   * The nightly hours (office time) in which a kiosk installs a downloaded update or restarts,
   * and then only with no visitor or staff member at it; 02:00 to 05:00 without it.
   */
  maintenanceWindow: z
    .object({ from: z.string().regex(CLOCK_TIME, 'HH:MM'), to: z.string().regex(CLOCK_TIME, 'HH:MM') })
    .strict()
    .refine((window) => window.from !== window.to, 'a window of no minutes')
    .optional(),
  /** Restart the app once a night inside the maintenance window, after a day or more of running: a long-running process is the one that leaks. */
  nightlyRestart: z.boolean().optional(),
});

export const portalEncryptionKeySchema = z.object({
  keyId: z.string().min(1).max(64),
  /** HPKE (RFC 9180) suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM. */
  suite: z.literal('X25519-HKDF-SHA256-AES-256-GCM'),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a raw X25519 public key, base64url'),
});

/**
 * The portal's next key, named ahead of a rotation: kiosks seal to it from `usableFrom` on, by their
 * own clock, even those that miss the content promoting it. The portal holds both private keys
 * before that moment, so a kiosk whose clock runs early still seals to a key the portal opens.
 */
export const portalEncryptionNextKeySchema = portalEncryptionKeySchema.extend({
  usableFrom: z.iso.datetime(),
});

export const catalogueDocumentSchema = z
  .object({
    format: z.literal(CONTENT_FORMAT),
    categories: z.array(categorySchema).min(1),
    services: z.array(serviceSchema).min(1),
    forms: z.array(formDefinitionSchema),
    legalTexts: z.array(legalTextSchema),
    settings: kioskSettingsSchema,
    portalEncryptionKey: portalEncryptionKeySchema,
    portalEncryptionNextKey: portalEncryptionNextKeySchema.optional(),
    /** Who may sign in at the kiosks, with hashed PINs; unique staff ids and card numbers. */
    staff: staffListSchema.default([]),
  })
  .superRefine((doc, ctx) => {
    const unique = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [path, index, 'id'], message: `duplicate id ${id}` });
        seen.add(id);
      });
    };
    unique(doc.categories.map((c) => c.id), 'categories');
    unique(doc.services.map((s) => s.id), 'services');
    unique(doc.forms.map((f) => f.id), 'forms');
    const categories = new Set(doc.categories.map((c) => c.id));
    const forms = new Set(doc.forms.map((f) => f.id));
    // One lookup per service: a scan per service would be minutes at 100,000 services and forms.
    const formsById = new Map(doc.forms.map((form) => [form.id, form]));
    doc.services.forEach((service, index) => {
      if (!categories.has(service.categoryId)) {
        ctx.addIssue({ code: 'custom', path: ['services', index, 'categoryId'], message: `unknown category ${service.categoryId}` });
      }
      if (!forms.has(service.formId)) {
        ctx.addIssue({ code: 'custom', path: ['services', index, 'formId'], message: `unknown form id ${service.formId}` });
      }
      const amountField = service.price.amountField;
      if (amountField !== undefined) {
        const form = formsById.get(service.formId);
        const field = form?.pages.flatMap((page) => page.fields).find((candidate) => candidate.id === amountField);
        if (form && !(field?.type === 'calculated' && field.format === 'som')) {
          ctx.addIssue({
            code: 'custom',
            path: ['services', index, 'price', 'amountField'],
            message: `${amountField} is not a calculated som field of form ${service.formId}`,
          });
        }
      }
    });
    const next = doc.portalEncryptionNextKey;
    if (next && (next.keyId === doc.portalEncryptionKey.keyId || next.publicKey === doc.portalEncryptionKey.publicKey)) {
      // The portal opens by key id: two keys under one id, or one key under two, would leave applications it cannot tell apart.
      ctx.addIssue({ code: 'custom', path: ['portalEncryptionNextKey'], message: 'the next portal key must differ from the current one in both id and key' });
    }
    for (const kind of LEGAL_TEXT_KINDS) {
      if (!doc.legalTexts.some((text) => text.kind === kind)) {
        ctx.addIssue({ code: 'custom', path: ['legalTexts'], message: `the ${kind} is missing` });
      }
    }
  });

export type Category = z.infer<typeof categorySchema>;
export type Service = z.infer<typeof serviceSchema>;
export type LegalText = z.infer<typeof legalTextSchema>;
export type KioskSettings = z.infer<typeof kioskSettingsSchema>;
export type CatalogueDocument = z.infer<typeof catalogueDocumentSchema>;
export type PortalEncryptionKey = z.infer<typeof portalEncryptionKeySchema>;

/** The key a kiosk seals to at `now`: the next one once its time has come, else the current one. */
export function portalKeyToSealWith(doc: Pick<CatalogueDocument, 'portalEncryptionKey' | 'portalEncryptionNextKey'>, now: Date): PortalEncryptionKey {
  const next = doc.portalEncryptionNextKey;
  if (next && now.getTime() >= Date.parse(next.usableFrom)) return { keyId: next.keyId, suite: next.suite, publicKey: next.publicKey };
  return doc.portalEncryptionKey;
}

/** The signed description of a package: which parts, how big, what hash, valid until when. */
export const manifestSchema = z.object({
  format: z.literal(CONTENT_FORMAT),
  version: z.number().int().positive(),
  created: z.iso.datetime(),
  expires: z.iso.datetime(),
  minAppVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  keyId: z.string().min(1).max(64),
  parts: z
    .array(
      z.object({
        path: z.string().regex(/^(catalogue\.json|samples\/[a-z0-9][a-z0-9._-]*)$/),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        size: z.number().int().nonnegative().max(256 * 1024 * 1024),
      }),
    )
    .min(1)
    .refine((parts) => parts.some((part) => part.path === CATALOGUE_PART), `the manifest must list ${CATALOGUE_PART}`)
    .refine((parts) => new Set(parts.map((part) => part.path)).size === parts.length, 'a part is listed twice'),
});
export type ContentManifest = z.infer<typeof manifestSchema>;

/** Detached signature over the exact bytes of manifest.json. */
export const signatureEnvelopeSchema = z.object({
  keyId: z.string().min(1).max(64),
  algorithm: z.literal('Ed25519'),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
export type SignatureEnvelope = z.infer<typeof signatureEnvelopeSchema>;

export const trustAnchorSchema = z.object({
  keyId: z.string().min(1).max(64),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  note: z.string().optional(),
});
export const trustAnchorsSchema = z.array(trustAnchorSchema).min(1);
export type TrustAnchor = z.infer<typeof trustAnchorSchema>;

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
