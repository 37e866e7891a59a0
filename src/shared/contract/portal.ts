import { z } from 'zod';
import { KIOSK_ALARMS } from './kiosk-alarms.js';
import { UPDATE_STATES } from './update-states.js';
import { CHAIN_BREAKS } from '../audit/audit-chain.js';
import { manifestSchema } from '../content/content-schema.js';
import { CONTENT_REJECTION_CODES } from '../content/package-verification.js';
import { ENROLMENT_CODE_PATTERN } from '../domain/enrolment-code.js';
import { isValidKioskCode, normaliseReceiptNumber } from '../domain/receipt-number.js';
import {
  applicationPageSchema,
  applicationSearchSchema,
  CANNOT_OPEN_CODE,
  cannotOpenSchema,
  openApplicationRequestSchema,
  openedApplicationSchema,
  STATUS_MOVE_REFUSED_CODE,
  statusChangedSchema,
  statusChangeRequestSchema,
  statusMoveRefusedSchema,
} from './applications.js';
import { statusReasonIdSchema } from '../domain/application-status-reasons.js';
import { localizedTextSchema } from '../domain/language-schemas.js';
import { APPLICATION_STATUSES, LEGACY_APPLICATION_STATUSES, RECEIPT_NUMBER_PATTERN, receiptNumberSchema, submissionEnvelopeSchema } from '../domain/submission.js';
import {
  ACCOUNT_LOCKED_CODE,
  accountLockedSchema,
  backOfficeSessionSchema,
  backOfficeUserListSchema,
  signInRequestSchema,
} from './backoffice.js';
import { auditChainsSchema, auditEntriesPageSchema, auditEntriesRequestSchema, auditVerificationRequestSchema, auditVerificationSchema } from './audit-page.js';
import {
  assignmentMadeSchema,
  assignVersionRequestSchema,
  contentRolloutSchema,
  PACKAGE_REFUSED_CODE,
  packagePublishedSchema,
  packageRefusedSchema,
  uploadPackageRequestSchema,
  type ContentRolloutAnswerCode,
} from './content-rollout.js';
import { FLEET_SEARCH_BODY_LIMIT, fleetSchema, fleetSearchSchema } from './fleet.js';
import { signedStaffListSchema } from '../content/signed-staff-list.js';
import {
  createStaffRequestSchema,
  pinIssuedSchema,
  pinResetRequestSchema,
  STAFF_BODY_LIMIT,
  STAFF_REFUSED_CODE,
  staffPageSchema,
  staffRefusedSchema,
  staffSearchSchema,
  staffStateChangedSchema,
  staffStateRequestSchema,
} from './staff-page.js';

/**
 * The central portal's API under /v1, written once: every endpoint's method, path, parameters,
 * headers, request body, responses by status, error codes and body limit. The reference portal
 * registers its routes from this map (and generates its OpenAPI document from those routes); the
 * kiosk builds its requests from it. No path, header name or body limit is written anywhere else.
 *
 * Kiosk requests carry `Authorization: Bearer kiosk_<CODE>.<secret>` (issued per kiosk by an
 * administrator); publishing carries the administrator's token. Errors are `{ error: { code, message } }`.
 */

// ---- names and limits ------------------------------------------------------------------------------

/** Header names as they arrive at a server (lower case; HTTP header names are case-insensitive). */
export const PORTAL_HEADERS = {
  authorization: 'authorization',
  wwwAuthenticate: 'www-authenticate',
  idempotencyKey: 'idempotency-key',
  ifNoneMatch: 'if-none-match',
  etag: 'etag',
  contentPackageVersion: 'content-package-version',
  contentType: 'content-type',
  contentEncoding: 'content-encoding',
  cacheControl: 'cache-control',
  allow: 'allow',
  retryAfter: 'retry-after',
  cookie: 'cookie',
  setCookie: 'set-cookie',
  origin: 'origin',
  secFetchSite: 'sec-fetch-site',
  /** The back office session's CSRF token, repeated on every state-changing request. */
  csrfToken: 'x-csrf-token',
} as const;

const KIB = 1024;
const MIB = 1024 * KIB;

/** The largest request body each kind of endpoint takes, in bytes; 0 for endpoints that take none. */
export const PORTAL_BODY_LIMITS = {
  none: 0,
  submission: 4 * MIB,
  heartbeat: 16 * KIB,
  auditUpload: 1 * MIB,
  contentPublish: 512 * MIB,
  signIn: 4 * KIB,
  enrolment: 1 * KIB,
  backOfficeApplication: 4 * KIB,
  /** The audit page's requests name a chain and a page: a few dozen bytes. */
  backOfficeAudit: 1 * KIB,
} as const;

/** The sealed answers of one submission, base64, at most this long (inside the submission's body limit). */
export const MAX_SEALED_BASE64 = 2 * MIB;

/** The realm of the kiosk credential's `WWW-Authenticate: Bearer` challenge. */
export const KIOSK_AUTH_REALM = 'kyzmat-portal';

/**
 * Who may call an endpoint: a kiosk (its credential), the administrator token, a signed-in back
 * office session of an officer or of an administrator (an administrator may use every officer
 * endpoint; every method but GET also needs the session's CSRF token and a same-origin request),
 * or anyone.
 */
export type PortalAuth = 'kiosk' | 'admin' | 'officer' | 'administrator' | 'none';
/** The kinds that sign a request with a back office session cookie rather than an Authorization header. */
export const BACKOFFICE_AUTH_KINDS = ['officer', 'administrator'] as const satisfies readonly PortalAuth[];
/** A kiosk credential: `kiosk_<KIOSK CODE>.<32 random bytes, base64url>`; the groups are the code and the secret. */
export const KIOSK_TOKEN_PATTERN = /^kiosk_([0-9A-Z]{4})\.([A-Za-z0-9_-]{43})$/;
/** The `Authorization` header each kind of authenticated endpoint takes (`auth` on the endpoint). */
export const PORTAL_AUTHORIZATION = {
  kiosk: z
    .string()
    .regex(new RegExp(`^Bearer ${KIOSK_TOKEN_PATTERN.source.slice(1)}`))
    .describe('Bearer kiosk_<CODE>.<secret>, issued per kiosk'),
  admin: z.string().regex(/^Bearer \S+$/).describe('Bearer <the portal administrator token>'),
} as const satisfies Record<'kiosk' | 'admin', z.ZodType<string>>;
/** `Authorization` header value for a kiosk credential or the administrator token. */
export const bearer = (token: string): string => `Bearer ${token}`;

// ---- errors ------------------------------------------------------------------------------------------

export const PORTAL_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'IDEMPOTENCY_CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SIGN_IN_FAILED',
  'INTERNAL',
] as const;
export type PortalErrorCode = (typeof PORTAL_ERROR_CODES)[number];
export const portalErrorSchema = z.object({ error: z.object({ code: z.enum(PORTAL_ERROR_CODES), message: z.string() }) });
export type PortalError = z.infer<typeof portalErrorSchema>;

/**
 * Publishing names the check a package failed with its own codes (see package-verification), plus
 * one only the portal can know: the package needs a newer app than any kiosk of the fleet runs.
 */
export const PUBLISH_REFUSAL_CODES = [...CONTENT_REJECTION_CODES, 'APP_AHEAD_OF_FLEET'] as const;
export type PublishRefusalCode = (typeof PUBLISH_REFUSAL_CODES)[number];
export const contentErrorSchema = z.object({ error: z.object({ code: z.enum(PUBLISH_REFUSAL_CODES), message: z.string() }) });
export type ContentError = z.infer<typeof contentErrorSchema>;
/** An audit upload that does not continue the kiosk's stored chain (the body names where and why). */
export const AUDIT_CHAIN_REFUSAL_CODE = 'AUDIT_CHAIN_BROKEN';
export type PortalAnswerCode =
  | PortalErrorCode
  | PublishRefusalCode
  | typeof AUDIT_CHAIN_REFUSAL_CODE
  | typeof ACCOUNT_LOCKED_CODE
  | typeof CANNOT_OPEN_CODE
  | typeof STATUS_MOVE_REFUSED_CODE
  | typeof STAFF_REFUSED_CODE
  | ContentRolloutAnswerCode;

// ---- payloads ----------------------------------------------------------------------------------------

/**
 * What a 400 says where a request is refused for a header, parameter or body the contract can
 * describe in a sentence: what to send instead. Given as the schemas' `error`, so the portal
 * answers these words rather than a validator's.
 */
export const PORTAL_REFUSAL_MESSAGES = {
  idempotencyKey: 'The Idempotency-Key header is required; it is the submission id (the body’s `id`, a lower-case UUID).',
  receiptNumber: 'Not a receipt number (XXXX-XXXX-XXXX-X, or the older XXXX-XXXX-XX; upper case, with its check character).',
  kioskCode: 'Not a kiosk code (four characters of 0-9 and A-Z without I, L, O, U, such as BSK1).',
  enrolmentBody: 'Expected {kioskCode, code}: a kiosk code such as BSK1 and an enrolment code XXXXX-XXXXX, upper case.',
  publishBody: 'Expected {files: {path: base64}}, each path manifest.sig, manifest.json, catalogue.json or samples/<name>.',
} as const;

/**
 * POST /v1/submissions: the envelope plus the sealed answers. The same id with the same body
 * answers the first result again (200); the same id with a different body is 409
 * IDEMPOTENCY_CONFLICT; a new id is stored once (201). Only the portal's private key opens `sealed`.
 */
export const submissionRequestSchema = submissionEnvelopeSchema.extend({ sealed: z.base64().max(MAX_SEALED_BASE64) }).strict();
export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;

export const submissionAcceptedSchema = z.object({
  id: z.uuid(),
  receiptNumber: receiptNumberSchema,
  acceptedAt: z.iso.datetime(),
});
export type SubmissionAccepted = z.infer<typeof submissionAcceptedSchema>;

export { APPLICATION_STATUSES };
/** The reason an officer chose from the portal's templates, in every kiosk language, with what the visitor does next. */
export const applicationStatusReasonSchema = z.object({ id: statusReasonIdSchema, text: localizedTextSchema, nextStep: localizedTextSchema });
/**
 * What a visitor may learn by receipt number; nothing personal. `status` stays in the four words
 * kiosks knew first, so an older kiosk still reads the answer; `state` and `reason` are what newer
 * kiosks show, and are absent from a portal older than the status workflow.
 */
export const applicationStatusSchema = z.object({
  receiptNumber: receiptNumberSchema,
  serviceId: z.string(),
  status: z.enum(LEGACY_APPLICATION_STATUSES).describe('The status in the words of kiosks older than `state`.'),
  updatedAt: z.iso.datetime(),
  state: z.enum(APPLICATION_STATUSES).optional(),
  /** Set while the state is needs-action or rejected. */
  reason: applicationStatusReasonSchema.nullable().optional(),
});
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

/** The fleet view for administrators. No personal data. */
export const heartbeatSchema = z
  .object({
    appVersion: z.string().regex(/^\d+\.\d+\.\d+/),
    contentVersion: z.number().int().nonnegative().nullable(),
    /** Null when the kiosk cannot read its own queue: out of service, its database unusable. */
    queueDepth: z.number().int().nonnegative().nullable(),
    oldestQueuedAgeSeconds: z.number().nonnegative().nullable(),
    /** Null as queueDepth is. */
    quarantined: z.number().int().nonnegative().nullable(),
    lastSyncAt: z.iso.datetime().nullable(),
    printerState: z.enum(['ready', 'no-printer', 'error', 'pdf']),
    /** Screens that failed in front of a visitor since the kiosk started (threw, or a form ran past its time budget). */
    screenFailures: z.number().int().nonnegative().optional(),
    /** Services this kiosk took out of use because their form failed on its screen. */
    unavailableServices: z.number().int().nonnegative().optional(),
    /**
     * Bytes free to the kiosk on the disk of its data folder: a full disk stops applications being
     * queued, so the fleet sees it coming. A portal older than this field refuses the heartbeat
     * (the schema is strict), so portals are updated before kiosks.
     */
    freeDiskBytes: z.number().int().nonnegative().optional(),
    /** The kiosk's software update: its state, and the version it is fetching or holds ready to install. */
    update: z
      .object({ state: z.enum(UPDATE_STATES), version: z.string().regex(/^\d+\.\d+\.\d+[0-9A-Za-z.+-]{0,40}$/).optional() })
      .strict()
      .optional(),
    /** What the kiosk raises about itself (KIOSK_ALARMS); absent from kiosks older than the field. */
    alarms: z.array(z.enum(KIOSK_ALARMS)).max(KIOSK_ALARMS.length).optional(),
    /** With the out-of-service alarm: the operator code its screen shows, which names the recovery procedure (KK-DB-DAMAGED). */
    outOfServiceCode: z.string().regex(/^KK-[A-Z0-9-]{1,32}$/).optional(),
  })
  .strict();
export type Heartbeat = z.infer<typeof heartbeatSchema>;

/** The most audit entries one upload carries: at the largest entry the schema allows, still inside the body limit. */
export const MAX_AUDIT_ENTRIES_PER_UPLOAD = 200;
const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);
/** Ids and codes as the trail holds them: printable ASCII without quotes or backslashes, short. No free text reaches the trail. */
const auditTextSchema = z.string().regex(/^[!#-[\]-~]{1,64}$/);
const auditCodeSchema = z.string().regex(/^[!#-[\]-~]{1,32}$/);
const AUDIT_DETAIL_LIMIT = 12;
/** A detail: a short code, a whole number, or a short list of codes (the roles a staff member signed in with). */
const auditDetailSchema = z.union([
  z.string().regex(/^[ !#-[\]-~]{0,64}$/),
  z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  z.array(auditCodeSchema).max(4),
]);

/**
 * One audit entry as the kiosk's trail holds it. The portal checks its shape, not its kind: a
 * newer kiosk may record kinds this portal does not know, and the chain's hashes are what make an
 * entry trustworthy. Strict sizes keep a full upload inside its body limit.
 */
export const auditUploadEntrySchema = z
  .object({
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    at: z.iso.datetime(),
    kind: z.string().regex(/^[a-z_]{1,40}$/),
    actor: auditTextSchema.nullable(),
    subject: auditTextSchema.nullable(),
    details: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/), auditDetailSchema)
      .refine((details) => Object.keys(details).length <= AUDIT_DETAIL_LIMIT, `at most ${AUDIT_DETAIL_LIMIT} details`),
    contentHash: hashSchema,
    previousHash: hashSchema,
    entryHash: hashSchema,
  })
  .strict();
export type AuditUploadEntry = z.infer<typeof auditUploadEntrySchema>;

/** POST /v1/audit-entries: the next entries of the kiosk's chain, in seq order. Empty asks for the stored head only. */
export const auditUploadSchema = z.object({ entries: z.array(auditUploadEntrySchema).max(MAX_AUDIT_ENTRIES_PER_UPLOAD) }).strict();
export type AuditUpload = z.infer<typeof auditUploadSchema>;

/** The last entry the portal stores for this kiosk (null before the first): the kiosk sends what follows it. */
export const auditHeadSchema = z.object({ seq: z.number().int().min(1), entryHash: hashSchema }).nullable();
export const auditUploadAcceptedSchema = z.object({ head: auditHeadSchema, stored: z.number().int().nonnegative() });
export type AuditUploadAccepted = z.infer<typeof auditUploadAcceptedSchema>;

/** The upload does not continue the stored chain: the first seq that breaks it and why (nothing of it was stored). */
export const auditChainRefusalSchema = z.object({
  error: z.object({ code: z.literal(AUDIT_CHAIN_REFUSAL_CODE), message: z.string(), brokenAt: z.number().int().min(1), reason: z.enum(CHAIN_BREAKS) }),
});
export type AuditChainRefusal = z.infer<typeof auditChainRefusalSchema>;

/** A kiosk code as a path parameter or body field: office code and kiosk number, such as BSK1. */
export const kioskCodeSchema = z.string({ error: PORTAL_REFUSAL_MESSAGES.kioskCode }).refine(isValidKioskCode, { error: PORTAL_REFUSAL_MESSAGES.kioskCode });

/**
 * An administrator made a one-time enrolment code for a kiosk: shown only in this answer (the
 * portal keeps a slow salted hash), spent by the kiosk's first exchange, dead after `expiresAt`.
 * A new code for the same kiosk replaces the one before.
 */
export const enrolmentCodeCreatedSchema = z.object({ kioskCode: kioskCodeSchema, code: z.string().regex(ENROLMENT_CODE_PATTERN), expiresAt: z.iso.datetime() });
export type EnrolmentCodeCreated = z.infer<typeof enrolmentCodeCreatedSchema>;

/** POST /v1/enrolment: the kiosk trades its enrolment code for its credential. */
export const enrolmentExchangeSchema = z
  .object(
    {
      kioskCode: kioskCodeSchema,
      code: z.string({ error: PORTAL_REFUSAL_MESSAGES.enrolmentBody }).regex(ENROLMENT_CODE_PATTERN, { error: PORTAL_REFUSAL_MESSAGES.enrolmentBody }),
    },
    { error: PORTAL_REFUSAL_MESSAGES.enrolmentBody },
  )
  .strict();
export type EnrolmentExchange = z.infer<typeof enrolmentExchangeSchema>;

/** The kiosk's new credential, answered once; every earlier credential of the kiosk is revoked by it. */
export const enrolledCredentialSchema = z.object({ credential: z.string().regex(KIOSK_TOKEN_PATTERN) });
export type EnrolledCredential = z.infer<typeof enrolledCredentialSchema>;

/** How many live credentials an administrator's revocation ended (0 or 1: a kiosk holds one at a time). */
export const kioskRevokedSchema = z.object({ kioskCode: kioskCodeSchema, revokedCredentials: z.number().int().nonnegative() });

/** The files a content package may hold, as paths inside the package. */
export const PACKAGE_FILE_PATH = /^(manifest\.sig|manifest\.json|catalogue\.json|samples\/[a-z0-9][a-z0-9._-]*)$/;
export const packageFilePathSchema = z.string().regex(PACKAGE_FILE_PATH);
/** A published package's version as it appears in a path: a positive integer without leading zeros. */
export const packageVersionSchema = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number)
  .pipe(z.number().int().positive());

/** PUT /v1/admin/content: every file of a signed package, base64. */
export const publishContentRequestSchema = z.object(
  {
    files: z.record(packageFilePathSchema, z.string({ error: PORTAL_REFUSAL_MESSAGES.publishBody }), { error: PORTAL_REFUSAL_MESSAGES.publishBody }),
    /** The publisher knows the package needs an app no kiosk runs yet (it waits for an update); publish it anyway. */
    aheadOfFleet: z.boolean({ error: PORTAL_REFUSAL_MESSAGES.publishBody }).optional(),
  },
  { error: PORTAL_REFUSAL_MESSAGES.publishBody },
);
export type PublishContentRequest = z.infer<typeof publishContentRequestSchema>;
export const contentPublishedSchema = z.object({ version: z.number().int().positive() });

/** A receipt number exactly as issued: upper case, hyphenated, with a matching check character. */
export const issuedReceiptNumberSchema = z
  .string({ error: PORTAL_REFUSAL_MESSAGES.receiptNumber }) // the message of its checks too
  .regex(RECEIPT_NUMBER_PATTERN)
  .refine((value) => normaliseReceiptNumber(value) === value);

/**
 * Named schemas: the OpenAPI document lists them under components.schemas and refers to them by
 * these names, so the document reads like the contract.
 */
export const portalSchemaRegistry = z.registry<{ id: string }>();
portalSchemaRegistry.add(submissionRequestSchema, { id: 'SubmissionRequest' });
portalSchemaRegistry.add(submissionAcceptedSchema, { id: 'SubmissionAccepted' });
portalSchemaRegistry.add(applicationStatusSchema, { id: 'ApplicationStatus' });
portalSchemaRegistry.add(heartbeatSchema, { id: 'Heartbeat' });
portalSchemaRegistry.add(auditUploadSchema, { id: 'AuditUpload' });
portalSchemaRegistry.add(auditUploadAcceptedSchema, { id: 'AuditUploadAccepted' });
portalSchemaRegistry.add(auditChainRefusalSchema, { id: 'AuditChainRefusal' });
portalSchemaRegistry.add(portalErrorSchema, { id: 'Error' });
portalSchemaRegistry.add(contentErrorSchema, { id: 'ContentError' });
portalSchemaRegistry.add(manifestSchema, { id: 'ContentManifest' });
portalSchemaRegistry.add(publishContentRequestSchema, { id: 'PublishContentRequest' });
portalSchemaRegistry.add(signInRequestSchema, { id: 'SignInRequest' });
portalSchemaRegistry.add(backOfficeSessionSchema, { id: 'BackOfficeSession' });
portalSchemaRegistry.add(accountLockedSchema, { id: 'AccountLocked' });
portalSchemaRegistry.add(backOfficeUserListSchema, { id: 'BackOfficeUserList' });
portalSchemaRegistry.add(enrolmentCodeCreatedSchema, { id: 'EnrolmentCodeCreated' });
portalSchemaRegistry.add(enrolmentExchangeSchema, { id: 'EnrolmentExchange' });
portalSchemaRegistry.add(enrolledCredentialSchema, { id: 'EnrolledCredential' });
portalSchemaRegistry.add(kioskRevokedSchema, { id: 'KioskRevoked' });
portalSchemaRegistry.add(applicationSearchSchema, { id: 'ApplicationSearch' });
portalSchemaRegistry.add(applicationPageSchema, { id: 'ApplicationPage' });
portalSchemaRegistry.add(openedApplicationSchema, { id: 'OpenedApplication' });
portalSchemaRegistry.add(cannotOpenSchema, { id: 'CannotOpen' });
portalSchemaRegistry.add(statusChangeRequestSchema, { id: 'StatusChangeRequest' });
portalSchemaRegistry.add(statusChangedSchema, { id: 'StatusChanged' });
portalSchemaRegistry.add(statusMoveRefusedSchema, { id: 'StatusMoveRefused' });
portalSchemaRegistry.add(auditChainsSchema, { id: 'AuditChains' });
portalSchemaRegistry.add(auditVerificationRequestSchema, { id: 'AuditVerificationRequest' });
portalSchemaRegistry.add(auditVerificationSchema, { id: 'AuditVerification' });
portalSchemaRegistry.add(auditEntriesRequestSchema, { id: 'AuditEntriesRequest' });
portalSchemaRegistry.add(auditEntriesPageSchema, { id: 'AuditEntriesPage' });
portalSchemaRegistry.add(uploadPackageRequestSchema, { id: 'UploadPackageRequest' });
portalSchemaRegistry.add(packageRefusedSchema, { id: 'PackageRefused' });
portalSchemaRegistry.add(contentRolloutSchema, { id: 'ContentRollout' });
portalSchemaRegistry.add(assignVersionRequestSchema, { id: 'AssignVersionRequest' });
portalSchemaRegistry.add(fleetSearchSchema, { id: 'FleetSearch' });
portalSchemaRegistry.add(fleetSchema, { id: 'Fleet' });
portalSchemaRegistry.add(signedStaffListSchema, { id: 'SignedStaffList' });
portalSchemaRegistry.add(staffSearchSchema, { id: 'StaffSearch' });
portalSchemaRegistry.add(staffPageSchema, { id: 'StaffPage' });
portalSchemaRegistry.add(createStaffRequestSchema, { id: 'CreateStaffRequest' });
portalSchemaRegistry.add(staffStateRequestSchema, { id: 'StaffStateRequest' });
portalSchemaRegistry.add(pinResetRequestSchema, { id: 'PinResetRequest' });
portalSchemaRegistry.add(pinIssuedSchema, { id: 'PinIssued' });
portalSchemaRegistry.add(staffStateChangedSchema, { id: 'StaffStateChanged' });
portalSchemaRegistry.add(staffRefusedSchema, { id: 'StaffRefused' });

const staffListHeaders = z.object({
  [PORTAL_HEADERS.etag]: z.string().describe('Changes whenever the office’s list is re-signed.'),
});

// ---- endpoints ---------------------------------------------------------------------------------------

export type PortalMethod = 'GET' | 'POST' | 'PUT';
export type PortalContentType = 'application/json' | 'application/octet-stream';

export interface PortalResponse<S extends z.ZodType = z.ZodType, C extends PortalContentType | null = PortalContentType | null> {
  description: string;
  schema: S;
  /** null: no body. */
  contentType: C;
  /** Headers the portal sets on this answer (lower-case names). */
  headers?: z.ZodObject;
}

export interface PortalEndpoint<
  P extends z.ZodObject = z.ZodObject,
  H extends z.ZodObject = z.ZodObject,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends Record<number, PortalResponse> = Record<number, PortalResponse>,
> {
  /** A stable name for the operation (the OpenAPI operationId). */
  operationId: string;
  summary: string;
  method: PortalMethod;
  /** Fastify-style pattern: `:name` for a path segment, a trailing `*` for the rest of the path (named by `rest`). */
  pattern: string;
  params: P;
  /** The parameter a trailing `*` fills, for endpoints whose last parameter may hold slashes. */
  rest?: keyof z.output<P> & string;
  /** The concrete path for these (parsed) parameters, each segment percent-encoded. */
  path(params: z.output<P>): string;
  /** Request headers besides Authorization (which `auth` describes), lower-case names. */
  headers: H;
  body: B;
  /** The request body's media type, when there is a body. */
  bodyContentType: 'application/json' | null;
  responses: R;
  /** Every error code the endpoint may answer; the OpenAPI document lists them as the operation's `x-error-codes`. */
  errors: readonly PortalAnswerCode[];
  /** The largest request body it takes, in bytes. */
  bodyLimit: number;
  auth: PortalAuth;
  /**
   * At most `max` requests per client address in each window (429 with Retry-After beyond it); for
   * a kiosk endpoint, at most `perCredential` per kiosk credential in each window and
   * `perCredentialPerDay` in each day as well. These are the defaults; a portal's settings may
   * change the numbers, not the windows.
   */
  rateLimit?: { max: number; windowSeconds: number; perCredential?: number; perCredentialPerDay?: number };
}

/** No body: 204 and 304 answers. */
const noBody = z.undefined();
const openApiDocumentSchema = z.record(z.string(), z.unknown());
/** The bytes of a package file, exactly as published. */
const fileBytesSchema = z.string().meta({ contentMediaType: 'application/octet-stream' });

const noParams = z.object({});
const noHeaders = z.object({});
const errorResponse = (description: string): PortalResponse<typeof portalErrorSchema, 'application/json'> => ({
  description,
  schema: portalErrorSchema,
  contentType: 'application/json',
});
const contentErrorResponse = (description: string): PortalResponse<typeof contentErrorSchema, 'application/json'> => ({
  description,
  schema: contentErrorSchema,
  contentType: 'application/json',
});
const json = <S extends z.ZodType>(description: string, schema: S, headers?: z.ZodObject): PortalResponse<S, 'application/json'> => ({
  description,
  schema,
  contentType: 'application/json',
  ...(headers ? { headers } : {}),
});

/** Answers every endpoint may give. */
const COMMON_RESPONSES = { 500: errorResponse('The portal failed; try again later (INTERNAL).') } as const;
const KIOSK_AUTH_RESPONSES = {
  401: errorResponse('No valid kiosk credential (UNAUTHORIZED); the answer carries a WWW-Authenticate challenge.'),
  403: errorResponse('The credential is revoked, or the resource belongs to another kiosk (FORBIDDEN).'),
} as const;
const BACKOFFICE_AUTH_RESPONSES = {
  401: errorResponse('Not signed in, or the session ended (UNAUTHORIZED).'),
  403: errorResponse('The role may not do this, or a state-changing request came without the session’s CSRF token or from another site (FORBIDDEN).'),
} as const;
const bodyResponses = (limit: number) =>
  ({
    413: errorResponse(`The body is larger than ${limit} bytes (PAYLOAD_TOO_LARGE).`),
    415: errorResponse('The body is not application/json, or is encoded (VALIDATION).'),
  }) as const;

const seg = (value: string | number) => encodeURIComponent(String(value));

/** Fixes the types of one endpoint while checking it against PortalEndpoint. */
function endpoint<P extends z.ZodObject, H extends z.ZodObject, B extends z.ZodType | undefined, R extends Record<number, PortalResponse>>(
  definition: PortalEndpoint<P, H, B, R>,
): PortalEndpoint<P, H, B, R> {
  return definition;
}

const contentVersionHeaders = z.object({
  [PORTAL_HEADERS.etag]: z.string().describe('Changes whenever another package is published.'),
  [PORTAL_HEADERS.contentPackageVersion]: z.string().regex(/^[1-9]\d*$/).describe('The version of the package this manifest describes.'),
});

export const PORTAL_ENDPOINTS = {
  openApi: endpoint({
    operationId: 'openApi',
    summary: 'This API as an OpenAPI 3.1 document.',
    method: 'GET',
    pattern: '/v1/openapi.json',
    params: noParams,
    path: () => '/v1/openapi.json',
    headers: noHeaders,
    body: undefined,
    bodyContentType: null,
    responses: { 200: json('OpenAPI 3.1', openApiDocumentSchema), ...COMMON_RESPONSES },
    errors: ['INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.none,
    auth: 'none',
  }),

  submitApplication: endpoint({
    operationId: 'submitApplication',
    summary: 'Deliver one sealed application (idempotent by its id).',
    method: 'POST',
    pattern: '/v1/submissions',
    params: noParams,
    path: () => '/v1/submissions',
    headers: z.object({
      [PORTAL_HEADERS.idempotencyKey]: z.uuid({ error: PORTAL_REFUSAL_MESSAGES.idempotencyKey }).describe('The submission id (the body’s `id`), lower case.'),
    }),
    body: submissionRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      201: json('Stored now.', submissionAcceptedSchema),
      200: json('Stored before with the same body: the first answer again.', submissionAcceptedSchema),
      400: errorResponse('The body or the Idempotency-Key header is not valid (VALIDATION).'),
      ...KIOSK_AUTH_RESPONSES,
      409: errorResponse('The id was stored with another body, or the receipt number belongs to another submission (IDEMPOTENCY_CONFLICT).'),
      ...bodyResponses(PORTAL_BODY_LIMITS.submission),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'IDEMPOTENCY_CONFLICT', 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.submission,
    auth: 'kiosk',
  }),

  applicationStatus: endpoint({
    operationId: 'applicationStatus',
    summary: 'What a visitor may learn by receipt number: service and status, nothing personal.',
    method: 'GET',
    pattern: '/v1/applications/:receiptNumber',
    params: z.object({ receiptNumber: issuedReceiptNumberSchema }),
    path: ({ receiptNumber }) => `/v1/applications/${seg(receiptNumber)}`,
    headers: noHeaders,
    body: undefined,
    bodyContentType: null,
    responses: {
      200: json('The application’s status.', applicationStatusSchema),
      400: errorResponse('Not a receipt number (VALIDATION).'),
      ...KIOSK_AUTH_RESPONSES,
      404: errorResponse('No application has this receipt number (NOT_FOUND).'),
      429: errorResponse('Too many lookups with this kiosk credential or from this address (RATE_LIMITED); Retry-After says when to try again.'),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.none,
    auth: 'kiosk',
    // Receipt numbers are 40-bit random: at these rates guessing one takes years (README, "Receipt numbers").
    rateLimit: { max: 60, windowSeconds: 60, perCredential: 30, perCredentialPerDay: 1000 },
  }),

  recordHeartbeat: endpoint({
    operationId: 'recordHeartbeat',
    summary: 'The kiosk’s health for the fleet view. No personal data.',
    method: 'POST',
    pattern: '/v1/heartbeats',
    params: noParams,
    path: () => '/v1/heartbeats',
    headers: noHeaders,
    body: heartbeatSchema,
    bodyContentType: 'application/json',
    responses: {
      204: { description: 'Recorded.', schema: noBody, contentType: null },
      400: errorResponse('The body is not valid (VALIDATION).'),
      ...KIOSK_AUTH_RESPONSES,
      ...bodyResponses(PORTAL_BODY_LIMITS.heartbeat),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.heartbeat,
    auth: 'kiosk',
  }),

  /*
   * A separate endpoint, sent on each heartbeat tick rather than inside the heartbeat: a backlog of
   * entries needs a larger body than a heartbeat's 16 KiB, an older portal refuses unknown heartbeat
   * fields, and a refused chain must not cost the fleet view its heartbeat.
   */
  uploadAuditEntries: endpoint({
    operationId: 'uploadAuditEntries',
    summary: 'The kiosk’s next audit entries; the portal keeps each kiosk’s chain and refuses one that does not continue it.',
    method: 'POST',
    pattern: '/v1/audit-entries',
    params: noParams,
    path: () => '/v1/audit-entries',
    headers: noHeaders,
    body: auditUploadSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('Stored (entries already stored are accepted again and change nothing); the stored head.', auditUploadAcceptedSchema),
      400: errorResponse('The body is not valid (VALIDATION).'),
      ...KIOSK_AUTH_RESPONSES,
      409: {
        description: 'The entries do not continue the stored chain (AUDIT_CHAIN_BROKEN): brokenAt names the first seq that breaks it, reason why. Nothing was stored.',
        schema: auditChainRefusalSchema,
        contentType: 'application/json',
      },
      ...bodyResponses(PORTAL_BODY_LIMITS.auditUpload),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', AUDIT_CHAIN_REFUSAL_CODE, 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.auditUpload,
    auth: 'kiosk',
  }),

  contentManifest: endpoint({
    operationId: 'contentManifest',
    summary:
      'The signed manifest of the version assigned to the kiosk whose credential comes in Authorization (kiosk, else its office, else all; staged rollout), or without a credential the version assigned to all; its version header names the package for the other files.',
    method: 'GET',
    pattern: '/v1/content/manifest',
    params: noParams,
    path: () => '/v1/content/manifest',
    headers: z.object({ [PORTAL_HEADERS.ifNoneMatch]: z.string().optional().describe('The ETag of the manifest the kiosk has.') }),
    body: undefined,
    bodyContentType: null,
    responses: {
      200: json('The manifest bytes exactly as signed.', manifestSchema, contentVersionHeaders),
      304: { description: 'The ETag still matches.', schema: noBody, contentType: null, headers: contentVersionHeaders },
      ...KIOSK_AUTH_RESPONSES,
      404: errorResponse('No content is published yet, or none is assigned to this kiosk (NOT_FOUND).'),
      ...COMMON_RESPONSES,
    },
    errors: ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.none,
    auth: 'none',
  }),

  contentPackageFile: endpoint({
    operationId: 'contentPackageFile',
    summary: 'One file of a published package: manifest.sig, manifest.json, catalogue.json or samples/….',
    method: 'GET',
    pattern: '/v1/content/packages/:version/*',
    params: z.object({ version: packageVersionSchema, path: packageFilePathSchema }),
    rest: 'path',
    path: ({ version, path }) => `/v1/content/packages/${seg(version)}/${path.split('/').map(seg).join('/')}`,
    headers: noHeaders,
    body: undefined,
    bodyContentType: null,
    responses: {
      200: { description: 'The file’s bytes; immutable, cache them for good.', schema: fileBytesSchema, contentType: 'application/octet-stream' },
      404: errorResponse('No such file (NOT_FOUND).'),
      ...COMMON_RESPONSES,
    },
    errors: ['NOT_FOUND', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.none,
    auth: 'none',
  }),

  publishContent: endpoint({
    operationId: 'publishContent',
    summary: 'Publish a signed content package (administrators).',
    method: 'PUT',
    pattern: '/v1/admin/content',
    params: noParams,
    path: () => '/v1/admin/content',
    headers: noHeaders,
    body: publishContentRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      201: json('Published.', contentPublishedSchema),
      400: errorResponse('The body is not {files: {path: base64}} (VALIDATION).'),
      401: errorResponse('No administrator token (UNAUTHORIZED).'),
      409: contentErrorResponse('The version is not newer than the published one (VERSION_NOT_NEWER).'),
      ...bodyResponses(PORTAL_BODY_LIMITS.contentPublish),
      422: contentErrorResponse('The package does not verify; the code names the check that failed.'),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'PAYLOAD_TOO_LARGE', 'INTERNAL', ...CONTENT_REJECTION_CODES],
    bodyLimit: PORTAL_BODY_LIMITS.contentPublish,
    auth: 'admin',
  }),

  createEnrolmentCode: endpoint({
    operationId: 'createEnrolmentCode',
    summary: 'A one-time enrolment code for a kiosk, valid 24 hours; it replaces the kiosk’s earlier code (back office administrators).',
    method: 'POST',
    pattern: '/v1/admin/kiosks/:kioskCode/enrolment-code',
    params: z.object({ kioskCode: kioskCodeSchema }),
    path: ({ kioskCode }) => `/v1/admin/kiosks/${seg(kioskCode)}/enrolment-code`,
    headers: noHeaders,
    body: undefined,
    bodyContentType: null,
    responses: {
      201: json('The code, shown only now: the technician types it in the kiosk’s service panel.', enrolmentCodeCreatedSchema),
      400: errorResponse('Not a kiosk code (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.none,
    auth: 'administrator',
  }),

  /*
   * Unauthenticated: the code is the kiosk's only proof. A wrong, spent or expired code, or one
   * made for another kiosk, is the same 401, so an answer never tells a guesser which; each
   * address gets a few tries a minute.
   */
  exchangeEnrolmentCode: endpoint({
    operationId: 'exchangeEnrolmentCode',
    summary: 'A kiosk trades its one-time enrolment code for its credential (once; the kiosk’s earlier credential is revoked).',
    method: 'POST',
    pattern: '/v1/enrolment',
    params: noParams,
    path: () => '/v1/enrolment',
    headers: noHeaders,
    body: enrolmentExchangeSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('The kiosk’s credential, answered only this once.', enrolledCredentialSchema),
      400: errorResponse('The body is not {kioskCode, code} (VALIDATION).'),
      401: errorResponse('The code is not valid for this kiosk: wrong, used, expired or replaced (UNAUTHORIZED).'),
      ...bodyResponses(PORTAL_BODY_LIMITS.enrolment),
      429: errorResponse('Too many tries from this address (RATE_LIMITED); Retry-After says when to try again.'),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.enrolment,
    auth: 'none',
    rateLimit: { max: 10, windowSeconds: 60 },
  }),

  revokeKiosk: endpoint({
    operationId: 'revokeKiosk',
    summary: 'Revoke a kiosk’s credential and any enrolment code it has: its next delivery is refused (back office administrators).',
    method: 'POST',
    pattern: '/v1/admin/kiosks/:kioskCode/revocation',
    params: z.object({ kioskCode: kioskCodeSchema }),
    path: ({ kioskCode }) => `/v1/admin/kiosks/${seg(kioskCode)}/revocation`,
    headers: noHeaders,
    body: undefined,
    bodyContentType: null,
    responses: {
      200: json('Revoked (revokedCredentials 0: the kiosk had no live credential).', kioskRevokedSchema),
      400: errorResponse('Not a kiosk code (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.none,
    auth: 'administrator',
  }),

  // ---- the back office's accounts (sessions in an HttpOnly cookie; see backoffice.ts) ----

  /*
   * Unauthenticated but same-origin only (a page of another site cannot sign a browser in). A wrong
   * password and an unknown username are the same 401, after the same hashing time.
   */
  signIn: endpoint({
    operationId: 'signIn',
    summary: 'Sign in to the back office: a new session cookie, and the session with its CSRF token.',
    method: 'POST',
    pattern: '/backoffice/api/sign-in',
    params: noParams,
    path: () => '/backoffice/api/sign-in',
    headers: z.object({
      [PORTAL_HEADERS.origin]: z.string().optional().describe('Sent by browsers; must be this portal’s own origin.'),
      [PORTAL_HEADERS.secFetchSite]: z.string().optional().describe('Sent by browsers; must be same-origin.'),
    }),
    body: signInRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('Signed in; Set-Cookie carries the new session id.', backOfficeSessionSchema),
      400: errorResponse('The body is not {username, password} (VALIDATION).'),
      401: errorResponse('The username or password is wrong (SIGN_IN_FAILED).'),
      403: errorResponse('The request came from another site (FORBIDDEN).'),
      423: { description: 'Too many wrong passwords for this username (ACCOUNT_LOCKED) until lockedUntil.', schema: accountLockedSchema, contentType: 'application/json' },
      429: errorResponse('Too many sign-in attempts from this address (RATE_LIMITED); Retry-After says when to try again.'),
      ...bodyResponses(PORTAL_BODY_LIMITS.signIn),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'SIGN_IN_FAILED', 'FORBIDDEN', ACCOUNT_LOCKED_CODE, 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.signIn,
    auth: 'none',
    rateLimit: { max: 10, windowSeconds: 60 },
  }),

  backOfficeSession: endpoint({
    operationId: 'backOfficeSession',
    summary: 'The signed-in back office session: who, which role, and its CSRF token.',
    method: 'GET',
    pattern: '/backoffice/api/session',
    params: noParams,
    path: () => '/backoffice/api/session',
    headers: noHeaders,
    body: undefined,
    bodyContentType: null,
    responses: { 200: json('The session.', backOfficeSessionSchema), ...BACKOFFICE_AUTH_RESPONSES, ...COMMON_RESPONSES },
    errors: ['UNAUTHORIZED', 'FORBIDDEN', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.none,
    auth: 'officer',
  }),

  signOut: endpoint({
    operationId: 'signOut',
    summary: 'End the session at the portal: every tab and client holding its cookie is signed out.',
    method: 'POST',
    pattern: '/backoffice/api/sign-out',
    params: noParams,
    path: () => '/backoffice/api/sign-out',
    headers: noHeaders,
    body: undefined,
    bodyContentType: null,
    responses: {
      204: { description: 'Signed out; Set-Cookie clears the cookie.', schema: noBody, contentType: null },
      // Sign-out takes no body; one sent anyway is read as any POST body is, and refused when it does not read.
      400: errorResponse('A body was sent and is not JSON (VALIDATION); sign-out takes none.'),
      ...BACKOFFICE_AUTH_RESPONSES,
      ...bodyResponses(PORTAL_BODY_LIMITS.signIn),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.signIn,
    auth: 'officer',
  }),

  listBackOfficeUsers: endpoint({
    operationId: 'listBackOfficeUsers',
    summary: 'Every back office account with its role and whether it is disabled (administrators).',
    method: 'GET',
    pattern: '/backoffice/api/users',
    params: noParams,
    path: () => '/backoffice/api/users',
    headers: noHeaders,
    body: undefined,
    bodyContentType: null,
    responses: { 200: json('The accounts, by username.', backOfficeUserListSchema), ...BACKOFFICE_AUTH_RESPONSES, ...COMMON_RESPONSES },
    errors: ['UNAUTHORIZED', 'FORBIDDEN', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.none,
    auth: 'administrator',
  }),

  /** A search, not a GET: the filters and the cursor travel in a body, and the page repeats the CSRF token like every other call. */
  listApplications: endpoint({
    operationId: 'listApplications',
    summary: 'Applications newest first, a page at a time, by status, service and kiosk: metadata only, never an answer (officers).',
    method: 'POST',
    pattern: '/backoffice/api/applications/search',
    params: noParams,
    path: () => '/backoffice/api/applications/search',
    headers: noHeaders,
    body: applicationSearchSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('A page; `next` is where the following one starts.', applicationPageSchema),
      400: errorResponse('The body is not a search (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      ...bodyResponses(PORTAL_BODY_LIMITS.backOfficeApplication),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.backOfficeApplication,
    auth: 'officer',
  }),

  /** A POST: every opening is written to the portal's audit trail before the answers are sent. */
  openApplication: endpoint({
    operationId: 'openApplication',
    summary: 'Open an application: the portal unseals it and answers the questions and answers in the officer’s language; the opening is audited (officers).',
    method: 'POST',
    pattern: '/backoffice/api/applications/:id/opening',
    params: z.object({ id: z.uuid() }),
    path: ({ id }) => `/backoffice/api/applications/${seg(id)}/opening`,
    headers: noHeaders,
    body: openApplicationRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('The application and its answers.', openedApplicationSchema),
      400: errorResponse('The id or the body is not valid (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      404: errorResponse('No application has this id (NOT_FOUND).'),
      409: { description: 'The portal cannot open it here (CANNOT_OPEN, with the reason).', schema: cannotOpenSchema, contentType: 'application/json' },
      ...bodyResponses(PORTAL_BODY_LIMITS.backOfficeApplication),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', CANNOT_OPEN_CODE, 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.backOfficeApplication,
    auth: 'officer',
  }),

  changeApplicationStatus: endpoint({
    operationId: 'changeApplicationStatus',
    summary: 'Move an application to its next status, with a reason template for needs-action and rejected; the change is audited (officers).',
    method: 'POST',
    pattern: '/backoffice/api/applications/:receiptNumber/status',
    params: z.object({ receiptNumber: issuedReceiptNumberSchema }),
    path: ({ receiptNumber }) => `/backoffice/api/applications/${seg(receiptNumber)}/status`,
    headers: noHeaders,
    body: statusChangeRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('Moved.', statusChangedSchema),
      400: errorResponse('The receipt number or the body is not valid (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      404: errorResponse('No application has this receipt number (NOT_FOUND).'),
      409: { description: 'The move is refused (STATUS_MOVE_REFUSED, with why and the current status).', schema: statusMoveRefusedSchema, contentType: 'application/json' },
      ...bodyResponses(PORTAL_BODY_LIMITS.backOfficeApplication),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', STATUS_MOVE_REFUSED_CODE, 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.backOfficeApplication,
    auth: 'officer',
  }),

  // ---- the back office's fleet and kiosks pages ----

  /**
   * A search, not a GET, as the applications' list is: the filters travel in a body and the page
   * repeats the CSRF token like every other call. The kiosks page reads the same answer.
   */
  listFleet: endpoint({
    operationId: 'listFleet',
    summary: 'Every kiosk the portal knows with its office, credential, latest heartbeat and alarms, by office and alarm (administrators).',
    method: 'POST',
    pattern: '/backoffice/api/fleet/search',
    params: noParams,
    path: () => '/backoffice/api/fleet/search',
    headers: noHeaders,
    body: fleetSearchSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('The kiosks that pass the filters, by kiosk code, with every office of the fleet.', fleetSchema),
      400: errorResponse('The body is not a fleet search (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      ...bodyResponses(FLEET_SEARCH_BODY_LIMIT),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: FLEET_SEARCH_BODY_LIMIT,
    auth: 'administrator',
  }),

  // (end of the fleet and kiosks endpoints)

  // ---- the back office's content publishing and staged rollout ----

  /*
   * The zip is read on the portal, not in the page: the checks that keep a hostile zip out (sizes,
   * names, links, duplicates) must hold whoever sends the request, so they live where it lands.
   */
  uploadContentPackage: endpoint({
    operationId: 'uploadContentPackage',
    summary: 'Publish a signed package from the zip of its folder; every problem found is answered by file and path; the version reaches no kiosk until it is assigned (back office administrators).',
    method: 'POST',
    pattern: '/backoffice/api/content/packages',
    params: noParams,
    path: () => '/backoffice/api/content/packages',
    headers: noHeaders,
    body: uploadPackageRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      201: json('Published; assign it to offices or kiosks next.', packagePublishedSchema),
      400: errorResponse('The body is not {zip: base64} (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      ...bodyResponses(PORTAL_BODY_LIMITS.contentPublish),
      422: { description: `Nothing was published (${PACKAGE_REFUSED_CODE}): every problem found, by file and path.`, schema: packageRefusedSchema, contentType: 'application/json' },
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE', PACKAGE_REFUSED_CODE, 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.contentPublish,
    auth: 'administrator',
  }),

  contentRollout: endpoint({
    operationId: 'contentRollout',
    summary: 'Every published version with where it is assigned, and every kiosk with the version it is offered and the one it reports running (back office administrators).',
    method: 'GET',
    pattern: '/backoffice/api/content/rollout',
    params: noParams,
    path: () => '/backoffice/api/content/rollout',
    headers: noHeaders,
    body: undefined,
    bodyContentType: null,
    responses: { 200: json('The rollout.', contentRolloutSchema), ...BACKOFFICE_AUTH_RESPONSES, ...COMMON_RESPONSES },
    errors: ['UNAUTHORIZED', 'FORBIDDEN', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.none,
    auth: 'administrator',
  }),

  assignContentVersion: endpoint({
    operationId: 'assignContentVersion',
    summary: 'Assign a published version to offices, kiosks or all; widening to all ends the narrower assignments of it and older versions; audited (back office administrators).',
    method: 'POST',
    pattern: '/backoffice/api/content/assignments',
    params: noParams,
    path: () => '/backoffice/api/content/assignments',
    headers: noHeaders,
    body: assignVersionRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('Assigned.', assignmentMadeSchema),
      400: errorResponse('The body is not {version, targets} (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      404: errorResponse('No such version is published (NOT_FOUND).'),
      409: contentErrorResponse('The version is older than the one every kiosk is assigned (VERSION_NOT_NEWER): a kiosk never goes back.'),
      ...bodyResponses(PORTAL_BODY_LIMITS.backOfficeApplication),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'VERSION_NOT_NEWER', 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.backOfficeApplication,
    auth: 'administrator',
  }),

  // (end of the content publishing endpoints)

  // ---- the back office's staff page ----

  /** Kiosks poll it with If-None-Match beside the manifest; a list changes whenever an administrator changes the office's staff. */
  staffList: endpoint({
    operationId: 'staffList',
    summary: 'The signed staff list of the office of the kiosk whose credential comes in Authorization (signed by the portal’s staff-list key, trusted by kiosks for staff records only).',
    method: 'GET',
    pattern: '/v1/staff-list',
    params: noParams,
    path: () => '/v1/staff-list',
    headers: z.object({ [PORTAL_HEADERS.ifNoneMatch]: z.string().optional().describe('The ETag of the list the kiosk has.') }),
    body: undefined,
    bodyContentType: null,
    responses: {
      200: json('The office’s list, signed.', signedStaffListSchema, staffListHeaders),
      304: { description: 'The ETag still matches.', schema: noBody, contentType: null, headers: staffListHeaders },
      ...KIOSK_AUTH_RESPONSES,
      404: errorResponse('The office has no staff kept at the portal, or the portal has no staff-list key (NOT_FOUND): the kiosk keeps the staff of its content package.'),
      ...COMMON_RESPONSES,
    },
    errors: ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.none,
    auth: 'kiosk',
  }),

  searchStaff: endpoint({
    operationId: 'searchStaff',
    summary: 'The staff kept at the portal, of one office or all, with each office’s published list version (back office administrators). No PIN or hash.',
    method: 'POST',
    pattern: '/backoffice/api/staff/search',
    params: noParams,
    path: () => '/backoffice/api/staff/search',
    headers: noHeaders,
    body: staffSearchSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('The staff by office and staff id.', staffPageSchema),
      400: errorResponse('The body is not a staff search (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      ...bodyResponses(STAFF_BODY_LIMIT),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: STAFF_BODY_LIMIT,
    auth: 'administrator',
  }),

  createStaff: endpoint({
    operationId: 'createStaff',
    summary: 'Create a clerk or technician for an office; the portal makes the PIN and answers it this once; audited; the office’s list is re-signed (back office administrators).',
    method: 'POST',
    pattern: '/backoffice/api/staff/members',
    params: noParams,
    path: () => '/backoffice/api/staff/members',
    headers: noHeaders,
    body: createStaffRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      201: json('Created; the PIN is in this answer only.', pinIssuedSchema),
      400: errorResponse('The body is not a staff member (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      409: { description: `The staff id or card is already the office’s (${STAFF_REFUSED_CODE}).`, schema: staffRefusedSchema, contentType: 'application/json' },
      ...bodyResponses(STAFF_BODY_LIMIT),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', STAFF_REFUSED_CODE, 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: STAFF_BODY_LIMIT,
    auth: 'administrator',
  }),

  setStaffState: endpoint({
    operationId: 'setStaffState',
    summary: 'Disable a staff member (their kiosk session ends when the list arrives) or enable them again; audited; the list is re-signed (back office administrators).',
    method: 'POST',
    pattern: '/backoffice/api/staff/state',
    params: noParams,
    path: () => '/backoffice/api/staff/state',
    headers: noHeaders,
    body: staffStateRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('Changed (or already so).', staffStateChangedSchema),
      400: errorResponse('The body is not {officeCode, staffId, state} (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      404: { description: `No such staff member (${STAFF_REFUSED_CODE}, STAFF_NOT_FOUND).`, schema: staffRefusedSchema, contentType: 'application/json' },
      409: { description: `Enabling would give a card to two active records (${STAFF_REFUSED_CODE}, CARD_TAKEN).`, schema: staffRefusedSchema, contentType: 'application/json' },
      ...bodyResponses(STAFF_BODY_LIMIT),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', STAFF_REFUSED_CODE, 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: STAFF_BODY_LIMIT,
    auth: 'administrator',
  }),

  resetStaffPin: endpoint({
    operationId: 'resetStaffPin',
    summary: 'Make a new PIN for a staff member and answer it this once; the old PIN stops working when the list arrives; audited (back office administrators).',
    method: 'POST',
    pattern: '/backoffice/api/staff/pin-reset',
    params: noParams,
    path: () => '/backoffice/api/staff/pin-reset',
    headers: noHeaders,
    body: pinResetRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('The new PIN, in this answer only.', pinIssuedSchema),
      400: errorResponse('The body is not {officeCode, staffId} (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      404: { description: `No such staff member (${STAFF_REFUSED_CODE}, STAFF_NOT_FOUND).`, schema: staffRefusedSchema, contentType: 'application/json' },
      ...bodyResponses(STAFF_BODY_LIMIT),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', STAFF_REFUSED_CODE, 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: STAFF_BODY_LIMIT,
    auth: 'administrator',
  }),

  // (end of the staff endpoints)

  // ---- the back office's audit page ----

  auditChains: endpoint({
    operationId: 'auditChains',
    summary: 'Every audit chain the portal holds, with its head: its own trail first, then each kiosk’s uploaded chain (back office administrators).',
    method: 'GET',
    pattern: '/backoffice/api/audit/chains',
    params: noParams,
    path: () => '/backoffice/api/audit/chains',
    headers: noHeaders,
    body: undefined,
    bodyContentType: null,
    responses: { 200: json('The chains.', auditChainsSchema), ...BACKOFFICE_AUTH_RESPONSES, ...COMMON_RESPONSES },
    errors: ['UNAUTHORIZED', 'FORBIDDEN', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.none,
    auth: 'administrator',
  }),

  /** A POST: it walks a whole chain, which an administrator asks for; nothing is changed. */
  verifyAuditChain: endpoint({
    operationId: 'verifyAuditChain',
    summary: 'Walk one audit chain from its first entry and answer whether it holds, or where and why it breaks (back office administrators).',
    method: 'POST',
    pattern: '/backoffice/api/audit/verification',
    params: noParams,
    path: () => '/backoffice/api/audit/verification',
    headers: noHeaders,
    body: auditVerificationRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('The verdict (a broken chain is a 200 too: the walk itself succeeded).', auditVerificationSchema),
      400: errorResponse('The body does not name a chain (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      404: errorResponse('The kiosk has uploaded no audit entry (NOT_FOUND).'),
      429: errorResponse('Too many verifications from this address (RATE_LIMITED); Retry-After says when to try again.'),
      ...bodyResponses(PORTAL_BODY_LIMITS.backOfficeAudit),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.backOfficeAudit,
    auth: 'administrator',
    // Each walk re-hashes a whole chain; the page asks one chain at a time, a script may not ask without end.
    rateLimit: { max: 30, windowSeconds: 60 },
  }),

  listAuditEntries: endpoint({
    operationId: 'listAuditEntries',
    summary: 'A page of one audit chain’s entries, newest first (back office administrators).',
    method: 'POST',
    pattern: '/backoffice/api/audit/entries',
    params: noParams,
    path: () => '/backoffice/api/audit/entries',
    headers: noHeaders,
    body: auditEntriesRequestSchema,
    bodyContentType: 'application/json',
    responses: {
      200: json('A page; `before` is where the older one starts.', auditEntriesPageSchema),
      400: errorResponse('The body is not a page request (VALIDATION).'),
      ...BACKOFFICE_AUTH_RESPONSES,
      ...bodyResponses(PORTAL_BODY_LIMITS.backOfficeAudit),
      ...COMMON_RESPONSES,
    },
    errors: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE', 'INTERNAL'],
    bodyLimit: PORTAL_BODY_LIMITS.backOfficeAudit,
    auth: 'administrator',
  }),

  // (end of the audit page endpoints)
} as const;

export type PortalEndpointName = keyof typeof PORTAL_ENDPOINTS;
export type PortalEndpoints = typeof PORTAL_ENDPOINTS;
/** The parsed body of an endpoint's answer with this status. */
export type PortalAnswer<E extends PortalEndpointName, S extends keyof PortalEndpoints[E]['responses']> =
  PortalEndpoints[E]['responses'][S] extends PortalResponse<infer Schema, PortalContentType | null> ? z.output<Schema> : never;
