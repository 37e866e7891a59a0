import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { PORTAL_AUTHORIZATION, PORTAL_ENDPOINTS, type PortalEndpoint, type PortalEndpointName } from '../../src/shared/contract/portal.js';
import { receiptNumberOf } from '../support/receipt-numbers.js';
import { expectListedRefusal } from './contract-answers.js';
import { ADMIN_TOKEN, bearer, makeSubmission, send, useStorage } from './support.js';

interface Operation {
  operationId: string;
  security: Record<string, string[]>[];
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
  'x-error-codes'?: string[];
}
type Document = { paths: Record<string, Record<string, Operation>> };

/** How the document spells a contract pattern: `{name}` for each parameter, the trailing `*` named by `rest`. */
function documentedPath(endpoint: PortalEndpoint): string {
  const withRest = endpoint.rest ? endpoint.pattern.replace(/\*$/, `:${endpoint.rest}`) : endpoint.pattern;
  return withRest.replace(/:([A-Za-z]+)/g, '{$1}');
}

/** One concrete request per endpoint, built with the contract's own path builders. */
const SAMPLE_PATHS: Record<PortalEndpointName, string> = {
  openApi: PORTAL_ENDPOINTS.openApi.path({}),
  submitApplication: PORTAL_ENDPOINTS.submitApplication.path({}),
  applicationStatus: PORTAL_ENDPOINTS.applicationStatus.path({ receiptNumber: receiptNumberOf('BSK1', 1) }),
  recordHeartbeat: PORTAL_ENDPOINTS.recordHeartbeat.path({}),
  uploadAuditEntries: PORTAL_ENDPOINTS.uploadAuditEntries.path({}),
  contentManifest: PORTAL_ENDPOINTS.contentManifest.path({}),
  contentPackageFile: PORTAL_ENDPOINTS.contentPackageFile.path({ version: 1, path: 'samples/a.svg' }),
  publishContent: PORTAL_ENDPOINTS.publishContent.path({}),
  createEnrolmentCode: PORTAL_ENDPOINTS.createEnrolmentCode.path({ kioskCode: 'BSK1' }),
  exchangeEnrolmentCode: PORTAL_ENDPOINTS.exchangeEnrolmentCode.path({}),
  revokeKiosk: PORTAL_ENDPOINTS.revokeKiosk.path({ kioskCode: 'BSK1' }),
  signIn: PORTAL_ENDPOINTS.signIn.path({}),
  backOfficeSession: PORTAL_ENDPOINTS.backOfficeSession.path({}),
  signOut: PORTAL_ENDPOINTS.signOut.path({}),
  listBackOfficeUsers: PORTAL_ENDPOINTS.listBackOfficeUsers.path({}),
  auditChains: PORTAL_ENDPOINTS.auditChains.path({}),
  verifyAuditChain: PORTAL_ENDPOINTS.verifyAuditChain.path({}),
  listAuditEntries: PORTAL_ENDPOINTS.listAuditEntries.path({}),
  listApplications: PORTAL_ENDPOINTS.listApplications.path({}),
  openApplication: PORTAL_ENDPOINTS.openApplication.path({ id: '018f2c1e-0000-7000-8000-000000000001' }),
  changeApplicationStatus: PORTAL_ENDPOINTS.changeApplicationStatus.path({ receiptNumber: receiptNumberOf('BSK1', 1) }),
  uploadContentPackage: PORTAL_ENDPOINTS.uploadContentPackage.path({}),
  contentRollout: PORTAL_ENDPOINTS.contentRollout.path({}),
  assignContentVersion: PORTAL_ENDPOINTS.assignContentVersion.path({}),
  listFleet: PORTAL_ENDPOINTS.listFleet.path({}),
  staffList: PORTAL_ENDPOINTS.staffList.path({}),
  searchStaff: PORTAL_ENDPOINTS.searchStaff.path({}),
  createStaff: PORTAL_ENDPOINTS.createStaff.path({}),
  setStaffState: PORTAL_ENDPOINTS.setStaffState.path({}),
  resetStaffPin: PORTAL_ENDPOINTS.resetStaffPin.path({}),
};

describe('the OpenAPI document and the contract', () => {
  const { startPortals } = useStorage('sqlite');

  it('documents every contract endpoint, as registered, with its parameters, body, responses and security', async () => {
    const env = await startPortals();
    const document = (await send(env.portal.url, { path: PORTAL_ENDPOINTS.openApi.path({}) })).json() as Document;
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const endpoints = Object.values(PORTAL_ENDPOINTS) as PortalEndpoint[];
    expect(documented.sort()).toEqual(endpoints.map((endpoint) => `${endpoint.method} ${documentedPath(endpoint)}`).sort());

    for (const endpoint of endpoints) {
      const operation = document.paths[documentedPath(endpoint)]![endpoint.method.toLowerCase()]!;
      expect(operation.operationId).toBe(endpoint.operationId);
      expect(operation.security).toEqual(endpoint.auth === 'none' ? [] : [{ [{ kiosk: 'kioskCredential', admin: 'adminToken', officer: 'backOfficeSession', administrator: 'backOfficeSession' }[endpoint.auth]]: [] }]);
      expect(Object.keys(operation.responses).sort(), endpoint.operationId).toEqual(Object.keys(endpoint.responses).sort());
      expect(operation['x-error-codes'], endpoint.operationId).toEqual(endpoint.errors);
      for (const [status, answer] of Object.entries(endpoint.responses)) {
        const documentedAnswer = operation.responses[status]!;
        expect(documentedAnswer.content ? Object.keys(documentedAnswer.content) : [], `${endpoint.operationId} ${status}`).toEqual(
          answer.contentType ? [answer.contentType] : [],
        );
        expect(Object.keys(documentedAnswer.headers ?? {}).sort()).toEqual(Object.keys(answer.headers?.shape ?? {}).sort());
      }
      const parameters = (operation.parameters ?? []).map((parameter) => `${parameter.in}:${parameter.name}`).sort();
      const expected = [
        ...Object.keys(endpoint.params.shape).map((name) => `path:${name}`),
        ...Object.keys(endpoint.headers.shape).map((name) => `header:${name}`),
      ].sort();
      expect(parameters, endpoint.operationId).toEqual(expected);
      expect(operation.requestBody ? Object.keys(operation.requestBody.content) : [], endpoint.operationId).toEqual(
        endpoint.body ? [endpoint.bodyContentType] : [],
      );
    }
  });

  it('describes the Authorization header the portal accepts', () => {
    const issued = newKioskCredential('BSK1').token;
    expect(PORTAL_AUTHORIZATION.kiosk.safeParse(bearer(issued).Authorization).success).toBe(true);
    for (const wrong of [`Basic ${issued}`, 'Bearer kiosk_bsk1.x', `Bearer ${issued}x`]) expect(PORTAL_AUTHORIZATION.kiosk.safeParse(wrong).success, wrong).toBe(false);
    expect(PORTAL_AUTHORIZATION.admin.safeParse(`Bearer ${ADMIN_TOKEN}`).success).toBe(true);
  });

  it('is a valid OpenAPI document', async () => {
    const env = await startPortals();
    const document = (await send(env.portal.url, { path: PORTAL_ENDPOINTS.openApi.path({}) })).json() as Record<string, unknown>;
    // The validator dereferences in place: hand it a copy.
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : JSON.stringify(result.errors).slice(0, 2000)).toBe(true);
    expect(result.specification).toBe('OpenAPI');
  });

  it('serves every contract endpoint at its path and method, answering only statuses the contract lists', async () => {
    const env = await startPortals();
    const request = await makeSubmission('BSK1');
    const bodies: Partial<Record<PortalEndpointName, unknown>> = {
      submitApplication: request,
      recordHeartbeat: { queueDepth: -1 },
      publishContent: { files: {} },
    };
    for (const name of Object.keys(PORTAL_ENDPOINTS) as PortalEndpointName[]) {
      const endpoint: PortalEndpoint = PORTAL_ENDPOINTS[name];
      const authorization = endpoint.auth === 'kiosk' ? bearer(env.tokens.BSK1) : endpoint.auth === 'admin' ? { Authorization: `Bearer ${ADMIN_TOKEN}` } : {};
      const body = bodies[name];
      const answer = await send(env.portal.url, {
        method: endpoint.method,
        path: SAMPLE_PATHS[name],
        headers: { ...authorization, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), 'Idempotency-Key': request.id },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(Object.keys(endpoint.responses), `${name} answered ${answer.status}: ${answer.text.slice(0, 200)}`).toContain(String(answer.status));
      expectListedRefusal(name, answer);
      // Not the answer for a path or method the portal does not serve.
      expect(answer.text).not.toContain('No such resource.');
      expect(answer.status).not.toBe(405);
      const response = endpoint.responses[answer.status]!;
      if (response.contentType) expect(answer.headers['content-type']).toContain(response.contentType);
      if (response.contentType === 'application/json') expect(response.schema.safeParse(answer.json()).success, `${name} ${answer.text.slice(0, 200)}`).toBe(true);
    }
  });
});
