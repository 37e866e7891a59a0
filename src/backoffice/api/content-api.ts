import type { BackOfficeSession } from '../../shared/contract/backoffice.js';
import {
  contentRolloutSchema,
  packagePublishedSchema,
  packageRefusedSchema,
  type ContentRollout,
  type PackageProblem,
  type RolloutTarget,
} from '../../shared/contract/content-rollout.js';
import { PORTAL_BODY_LIMITS, PORTAL_ENDPOINTS, PORTAL_HEADERS } from '../../shared/contract/portal.js';

/** The largest zip the page sends: as base64 inside its JSON body it must stay within the upload's body limit. */
export const MAX_ZIP_BYTES = Math.floor(((PORTAL_BODY_LIMITS.contentPublish - 1024) * 3) / 4);

export type UploadProgress = { phase: 'reading' | 'sending'; fraction: number } | { phase: 'checking' };
export type UploadResult =
  | { ok: true; version: number }
  | { ok: false; problems: PackageProblem[] }
  | { ok: false; reason: 'too-large' | 'forbidden' | 'unavailable' };
export type AssignResult = { ok: true } | { ok: false; reason: 'behind-all' | 'failed' };

/**
 * The content page's calls: the upload goes by XMLHttpRequest, the one browser API that reports
 * how much of a request body has been sent, so a large package shows its progress. The CSRF token
 * goes on every state-changing call, as in portal-api.ts.
 */
export const contentApi = {
  async upload(session: BackOfficeSession, file: Blob, aheadOfFleet: boolean, onProgress: (progress: UploadProgress) => void): Promise<UploadResult> {
    if (file.size > MAX_ZIP_BYTES) return { ok: false, reason: 'too-large' };
    const bytes = await readWithProgress(file, (fraction) => onProgress({ phase: 'reading', fraction }));
    const body = JSON.stringify({ zip: toBase64(bytes), ...(aheadOfFleet ? { aheadOfFleet: true } : {}) });
    const answer = await sendWithProgress(PORTAL_ENDPOINTS.uploadContentPackage.path({}), session, body, onProgress);
    if (!answer) return { ok: false, reason: 'unavailable' };
    if (answer.status === 201) {
      const published = packagePublishedSchema.safeParse(answer.json);
      if (published.success) return { ok: true, version: published.data.version };
    }
    if (answer.status === 422) {
      const refused = packageRefusedSchema.safeParse(answer.json);
      if (refused.success) return { ok: false, problems: refused.data.error.problems };
    }
    if (answer.status === 413) return { ok: false, reason: 'too-large' };
    if (answer.status === 401 || answer.status === 403) return { ok: false, reason: 'forbidden' };
    return { ok: false, reason: 'unavailable' };
  },

  async rollout(): Promise<ContentRollout | null> {
    try {
      const response = await fetch(PORTAL_ENDPOINTS.contentRollout.path({}), { credentials: 'same-origin', cache: 'no-store' });
      if (response.status !== 200) return null;
      const parsed = contentRolloutSchema.safeParse(await response.json());
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  },

  async assign(session: BackOfficeSession, version: number, targets: RolloutTarget[]): Promise<AssignResult> {
    try {
      const response = await fetch(PORTAL_ENDPOINTS.assignContentVersion.path({}), {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { 'content-type': 'application/json', [PORTAL_HEADERS.csrfToken]: session.csrfToken },
        body: JSON.stringify({ version, targets }),
      });
      if (response.status === 200) return { ok: true };
      return { ok: false, reason: response.status === 409 ? 'behind-all' : 'failed' };
    } catch {
      return { ok: false, reason: 'failed' };
    }
  },
};

function readWithProgress(file: Blob, onFraction: (fraction: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onFraction(event.loaded / event.total);
    };
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

function toBase64(bytes: Uint8Array): string {
  // In slices: String.fromCharCode takes its bytes as arguments, and a large file would overflow the stack.
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

function sendWithProgress(path: string, session: BackOfficeSession, body: string, onProgress: (progress: UploadProgress) => void): Promise<{ status: number; json: unknown } | null> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('content-type', 'application/json');
    request.setRequestHeader(PORTAL_HEADERS.csrfToken, session.csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress({ phase: 'sending', fraction: event.loaded / event.total });
    };
    request.upload.onload = () => onProgress({ phase: 'checking' });
    request.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(request.responseText);
      } catch {
        json = undefined;
      }
      resolve({ status: request.status, json });
    };
    request.onerror = () => resolve(null);
    request.send(body);
  });
}
