import type { PackageReader } from '../../../shared/content/package-verification.js';
import { MAX_STAFF_LIST_DOCUMENT_BYTES } from '../../../shared/content/signed-staff-list.js';
import {
  PORTAL_ENDPOINTS,
  PORTAL_HEADERS,
  applicationStatusSchema,
  auditChainRefusalSchema,
  auditUploadAcceptedSchema,
  bearer,
  enrolledCredentialSchema,
  portalErrorSchema,
  submissionAcceptedSchema,
  type ApplicationStatus,
  type AuditUploadAccepted,
  type AuditUploadEntry,
  type Heartbeat,
  type SubmissionAccepted,
  type SubmissionRequest,
} from '../../../shared/contract/portal.js';
import { httpPackageReader } from './package-reader.js';
import { PortalRateLimitedError, retryAfterSecondsOf } from './rate-limited.js';

export type Fetch = typeof fetch;

export interface PortalClientOptions {
  portalUrl: string;
  /** `kiosk_<code>.<secret>`, issued by an administrator; without it the portal refuses every kiosk request. */
  credential: string | undefined;
  fetch: Fetch;
  requestTimeoutMs?: number;
}

/** What came of one delivery attempt that reached the portal (a network failure rejects instead). */
export type DeliveryAnswer =
  | { kind: 'accepted'; accepted: SubmissionAccepted }
  /** A 200 or 201 whose body is not the contract's, or names another submission: worth another try. */
  | { kind: 'bad-answer'; status: number }
  /** Any other status, with the portal's error code (`HTTP_<status>` when the body has none). */
  | { kind: 'refused'; status: number; code: string; retryAfter: string | null };

/** What came of one audit upload that reached the portal (a network failure rejects instead). */
export type AuditUploadAnswer =
  | { kind: 'accepted'; accepted: AuditUploadAccepted }
  /** The entries do not continue the chain the portal stores: the first seq that breaks it and why. */
  | { kind: 'chain-refused'; brokenAt: number; reason: string }
  | { kind: 'refused'; status: number; code: string };

/** What came of trading an enrolment code (a network failure rejects instead). */
export type EnrolmentAnswer =
  | { kind: 'credential'; token: string }
  /** Wrong, used, expired, replaced or another kiosk's: the portal does not say which. */
  | { kind: 'refused' }
  | { kind: 'rate-limited'; retryAfterSeconds: number | undefined }
  | { kind: 'failed'; status: number };

export type ManifestAnswer =
  | { kind: 'unchanged' }
  | { kind: 'none-published' }
  | { kind: 'manifest'; version: number; etag: string | undefined; bytes: Uint8Array };

/**
 * What came of asking for this office's signed staff list. The list is answered as it came (parsed
 * JSON, not yet trusted): only verifySignedStaffList may say it is one.
 */
export type StaffListAnswer =
  | { kind: 'unchanged' }
  /** The office has no list kept at the portal, or the portal has no staff-list key. */
  | { kind: 'none' }
  | { kind: 'list'; signed: unknown; etag: string | undefined };

/** The envelope around a document of the largest size, escaped twice over: more is not a staff list. */
const MAX_STAFF_LIST_ANSWER_BYTES = 2 * MAX_STAFF_LIST_DOCUMENT_BYTES + 4096;

/** The portal refused this kiosk's credential (401) or it is revoked (403): no retry helps, an administrator must act. */
export class PortalCredentialRefused extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: string,
  ) {
    super(`the portal refused the kiosk's credential (${status} ${code})`);
    this.name = 'PortalCredentialRefused';
  }
}

const TIMEOUTS = { request: 30_000, lookup: 10_000, probe: 5_000 } as const;

/**
 * Every request the kiosk makes to the portal, built from the shared endpoint contract: paths,
 * header names and body limits come from there and nowhere else. It answers in the kiosk's terms
 * (accepted, refused with a code, unchanged) and leaves the decisions (retry, quarantine, pause) to
 * the domains that call it. A network failure rejects, so callers can tell "offline" from "refused".
 */
export class PortalClient {
  private credential: string | undefined;

  constructor(private readonly options: PortalClientOptions) {
    this.credential = options.credential;
  }

  get hasCredential(): boolean {
    return Boolean(this.credential);
  }

  /** Every request from now on carries this credential (the kiosk was enrolled while running). */
  useCredential(token: string): void {
    this.credential = token;
  }

  /** Trades a one-time enrolment code for this kiosk's credential; sent without any credential. */
  async exchangeEnrolmentCode(kioskCode: string, code: string): Promise<EnrolmentAnswer> {
    const endpoint = PORTAL_ENDPOINTS.exchangeEnrolmentCode;
    const response = await this.options.fetch(this.url(endpoint.path({})), {
      method: endpoint.method,
      headers: { [PORTAL_HEADERS.contentType]: 'application/json' },
      body: JSON.stringify({ kioskCode, code }),
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? TIMEOUTS.request),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status === 200) {
      const enrolled = enrolledCredentialSchema.safeParse(body);
      if (enrolled.success) return { kind: 'credential', token: enrolled.data.credential };
      return { kind: 'failed', status: response.status };
    }
    if (response.status === 401 || response.status === 400) return { kind: 'refused' };
    if (response.status === 429) {
      const seconds = Number(response.headers.get(PORTAL_HEADERS.retryAfter));
      return { kind: 'rate-limited', retryAfterSeconds: Number.isInteger(seconds) && seconds > 0 ? seconds : undefined };
    }
    return { kind: 'failed', status: response.status };
  }

  async submit(request: SubmissionRequest): Promise<DeliveryAnswer> {
    const endpoint = PORTAL_ENDPOINTS.submitApplication;
    const response = await this.send(endpoint.method, endpoint.path({}), JSON.stringify(request), { [PORTAL_HEADERS.idempotencyKey]: request.id });
    if (response.status === 200 || response.status === 201) {
      const accepted = submissionAcceptedSchema.safeParse(await response.json().catch(() => undefined));
      return accepted.success && accepted.data.id === request.id ? { kind: 'accepted', accepted: accepted.data } : { kind: 'bad-answer', status: response.status };
    }
    return { kind: 'refused', status: response.status, code: await errorCode(response), retryAfter: response.headers.get(PORTAL_HEADERS.retryAfter) };
  }

  /** Where an application stands; undefined when the portal does not know the number. Rejects with PortalRateLimitedError on 429. */
  async applicationStatus(receiptNumber: string): Promise<ApplicationStatus | undefined> {
    const endpoint = PORTAL_ENDPOINTS.applicationStatus;
    const response = await this.send(endpoint.method, endpoint.path({ receiptNumber }), undefined, {}, TIMEOUTS.lookup);
    if (response.status === 404) return undefined;
    if (response.status === 429) {
      await response.body?.cancel();
      throw new PortalRateLimitedError(retryAfterSecondsOf(response.headers.get(PORTAL_HEADERS.retryAfter)));
    }
    const parsed = applicationStatusSchema.safeParse(await response.json().catch(() => undefined));
    if (!response.ok || !parsed.success) throw new Error(`the portal answered ${response.status}`);
    return parsed.data;
  }

  /** True when the portal recorded it. */
  async heartbeat(heartbeat: Heartbeat): Promise<boolean> {
    const endpoint = PORTAL_ENDPOINTS.recordHeartbeat;
    const response = await this.send(endpoint.method, endpoint.path({}), JSON.stringify(heartbeat));
    await response.body?.cancel();
    return response.ok;
  }

  /** Sends the next entries of the kiosk's audit chain; the portal answers the head it stores. */
  async uploadAudit(entries: readonly AuditUploadEntry[]): Promise<AuditUploadAnswer> {
    const endpoint = PORTAL_ENDPOINTS.uploadAuditEntries;
    const response = await this.send(endpoint.method, endpoint.path({}), JSON.stringify({ entries }));
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status === 200) {
      const accepted = auditUploadAcceptedSchema.safeParse(body);
      if (accepted.success) return { kind: 'accepted', accepted: accepted.data };
    }
    if (response.status === 409) {
      const refusal = auditChainRefusalSchema.safeParse(body);
      if (refusal.success) return { kind: 'chain-refused', brokenAt: refusal.data.error.brokenAt, reason: refusal.data.error.reason };
    }
    const error = portalErrorSchema.safeParse(body);
    return { kind: 'refused', status: response.status, code: error.success ? error.data.error.code : `HTTP_${response.status}` };
  }

  /** Resolves on any answer at all (the network is back); rejects while the portal cannot be reached. */
  async probe(): Promise<void> {
    const endpoint = PORTAL_ENDPOINTS.openApi;
    const response = await this.options.fetch(this.url(endpoint.path({})), { method: endpoint.method, signal: AbortSignal.timeout(TIMEOUTS.probe) });
    await response.body?.cancel();
  }

  async contentManifest(etag: string | undefined): Promise<ManifestAnswer> {
    const endpoint = PORTAL_ENDPOINTS.contentManifest;
    const response = await this.options.fetch(this.url(endpoint.path({})), {
      method: endpoint.method,
      // The credential names this kiosk, so the portal answers the version assigned to it (staged rollout); the ETag is that version's.
      headers: {
        ...(this.credential ? { [PORTAL_HEADERS.authorization]: bearer(this.credential) } : {}),
        ...(etag ? { [PORTAL_HEADERS.ifNoneMatch]: etag } : {}),
      },
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? TIMEOUTS.request),
    });
    if (response.status === 304) return { kind: 'unchanged' };
    if (response.status === 404) return { kind: 'none-published' };
    const version = Number(response.headers.get(PORTAL_HEADERS.contentPackageVersion));
    if (!response.ok || !Number.isInteger(version) || version < 1) {
      throw new Error(`the portal answered ${response.status} without a package version`);
    }
    return { kind: 'manifest', version, etag: response.headers.get(PORTAL_HEADERS.etag) ?? undefined, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  /**
   * This office's signed staff list, asked with If-None-Match like the manifest. A refused credential
   * rejects with PortalCredentialRefused; any other unexpected answer rejects as the manifest's does.
   */
  async staffList(etag?: string): Promise<StaffListAnswer> {
    const response = await this.options.fetch(this.url(PORTAL_ENDPOINTS.staffList.path({})), {
      method: 'GET',
      // The credential names the kiosk, and so its office: the portal answers that office's list.
      headers: {
        ...(this.credential ? { [PORTAL_HEADERS.authorization]: bearer(this.credential) } : {}),
        ...(etag ? { [PORTAL_HEADERS.ifNoneMatch]: etag } : {}),
      },
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? TIMEOUTS.request),
    });
    if (response.status === 304) return { kind: 'unchanged' };
    if (response.status === 404) {
      await response.body?.cancel();
      return { kind: 'none' };
    }
    if (response.status === 401 || response.status === 403) throw new PortalCredentialRefused(response.status, await errorCode(response));
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`the portal answered ${response.status} for the staff list`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_STAFF_LIST_ANSWER_BYTES) throw new Error(`the staff list answer is ${bytes.length} bytes, more than a staff list`);
    let signed: unknown;
    try {
      signed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      signed = undefined;
    }
    return { kind: 'list', signed, etag: response.headers.get(PORTAL_HEADERS.etag) ?? undefined };
  }

  /** Reads a published package's files; `known` holds what has already arrived (the manifest). */
  packageReader(version: number, known: Map<string, Uint8Array>, onBytes: (count: number) => void): PackageReader {
    const endpoint = PORTAL_ENDPOINTS.contentPackageFile;
    return httpPackageReader((path) => this.url(endpoint.path({ version, path })), this.options.fetch, known, onBytes);
  }

  private url(path: string): URL {
    return new URL(path, this.options.portalUrl);
  }

  private send(method: string, path: string, body: string | undefined, headers: Record<string, string> = {}, timeoutMs?: number): Promise<Response> {
    return this.options.fetch(this.url(path), {
      method,
      headers: {
        ...(body === undefined ? {} : { [PORTAL_HEADERS.contentType]: 'application/json' }),
        [PORTAL_HEADERS.authorization]: bearer(this.credential ?? ''),
        ...headers,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs ?? this.options.requestTimeoutMs ?? TIMEOUTS.request),
    });
  }
}

async function errorCode(response: Response): Promise<string> {
  const parsed = portalErrorSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? parsed.data.error.code : `HTTP_${response.status}`;
}
