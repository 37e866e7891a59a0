import { z } from 'zod';
import { manifestSchema } from '../shared/content/content-schema.js';
import {
  applicationStatusSchema,
  heartbeatSchema,
  PORTAL_PATHS,
  portalErrorSchema,
  submissionAcceptedSchema,
  submissionRequestSchema,
} from '../shared/contract/portal.js';
import { publishBodySchema } from './content/publish-schema.js';

/**
 * GET /v1/openapi.json: the portal API as OpenAPI 3.1, generated from the same zod schemas the
 * portal validates with (src/shared/portal-api.ts), so the document cannot drift from the code.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const SUBMISSION_BODY_LIMIT = 4 * 1024 * 1024;
export const HEARTBEAT_BODY_LIMIT = 16 * 1024;

type JsonObject = Record<string, unknown>;
const contentErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  // The dialect is declared once, document-wide (jsonSchemaDialect).
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
  delete json.$schema;
  return json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject) => ({ 'application/json': { schema } });
const error = (description: string, schema = 'Error') => ({ description, content: json(ref(schema)) });

const KIOSK_ERRORS = {
  '401': error('No valid kiosk credential (UNAUTHORIZED).'),
  '403': error('The credential is revoked, or the resource belongs to another kiosk (FORBIDDEN).'),
};

export function buildOpenApiDocument(): JsonObject {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Kyzmat portal API',
      version: '1',
      description:
        'The central portal of the State Registration Service kiosks. Every kiosk request carries `Authorization: Bearer kiosk_<CODE>.<secret>`. ' +
        'Errors are `{ "error": { "code", "message" } }`. Submissions are idempotent by `Idempotency-Key` (the submission id): the same id and body ' +
        'answers the first result again (200), another body for the same id is 409 IDEMPOTENCY_CONFLICT.',
    },
    paths: {
      [PORTAL_PATHS.submissions]: {
        post: {
          operationId: 'submitApplication',
          summary: 'Deliver one sealed application (idempotent by id).',
          security: [{ kioskCredential: [] }],
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              description: 'The submission id (the body’s `id`), lower case.',
              schema: { type: 'string', format: 'uuid' },
            },
          ],
          requestBody: { required: true, content: json(ref('SubmissionRequest')) },
          responses: {
            '201': { description: 'Stored now.', content: json(ref('SubmissionAccepted')) },
            '200': { description: 'Stored before with the same body: the first answer again.', content: json(ref('SubmissionAccepted')) },
            '400': error('The body or the Idempotency-Key header is not valid (VALIDATION).'),
            ...KIOSK_ERRORS,
            '409': error('The id was stored with another body, or the receipt number belongs to another submission (IDEMPOTENCY_CONFLICT).'),
            '413': error(`The body is larger than ${SUBMISSION_BODY_LIMIT} bytes (PAYLOAD_TOO_LARGE).`),
          },
        },
      },
      [PORTAL_PATHS.applicationStatus('{receiptNumber}')]: {
        get: {
          operationId: 'applicationStatus',
          summary: 'What a visitor may learn by receipt number: service and status, nothing personal.',
          security: [{ kioskCredential: [] }],
          parameters: [{ name: 'receiptNumber', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$' } }],
          responses: {
            '200': { description: 'The application’s status.', content: json(ref('ApplicationStatus')) },
            '400': error('Not a receipt number (VALIDATION).'),
            ...KIOSK_ERRORS,
            '404': error('No application has this receipt number (NOT_FOUND).'),
          },
        },
      },
      [PORTAL_PATHS.heartbeats]: {
        post: {
          operationId: 'heartbeat',
          summary: 'The kiosk’s health for the fleet view. No personal data.',
          security: [{ kioskCredential: [] }],
          requestBody: { required: true, content: json(ref('Heartbeat')) },
          responses: {
            '204': { description: 'Recorded.' },
            '400': error('The body is not valid (VALIDATION).'),
            ...KIOSK_ERRORS,
            '413': error(`The body is larger than ${HEARTBEAT_BODY_LIMIT} bytes (PAYLOAD_TOO_LARGE).`),
          },
        },
      },
      [PORTAL_PATHS.contentManifest]: {
        get: {
          operationId: 'contentManifest',
          summary: 'The current signed content manifest; its version names the package for the other files.',
          security: [],
          parameters: [{ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The manifest bytes exactly as signed.',
              headers: { ETag: { schema: { type: 'string' } }, 'content-package-version': { schema: { type: 'integer' } } },
              content: json(ref('ContentManifest')),
            },
            '304': { description: 'The ETag still matches.' },
            '404': error('No content is published yet (NOT_FOUND).'),
          },
        },
      },
      '/v1/content/packages/{version}/{path}': {
        get: {
          operationId: 'contentFile',
          summary: 'One file of a published package: manifest.sig, manifest.json, catalogue.json or samples/….',
          security: [],
          parameters: [
            { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
            { name: 'path', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: 'The file’s bytes (immutable).', content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
            '404': error('No such file (NOT_FOUND).'),
          },
        },
      },
      '/v1/admin/content': {
        put: {
          operationId: 'publishContent',
          summary: 'Publish a signed content package (administrators).',
          security: [{ adminToken: [] }],
          requestBody: { required: true, content: json(ref('PublishContentRequest')) },
          responses: {
            '201': { description: 'Published.', content: json({ type: 'object', properties: { version: { type: 'integer' } }, required: ['version'] }) },
            '400': error('The body is not {files: {path: base64}} (VALIDATION).'),
            '401': error('No administrator token (UNAUTHORIZED).'),
            '409': error('The version is not newer than the published one (VERSION_NOT_NEWER).', 'ContentError'),
            '413': error('The package is too large (PAYLOAD_TOO_LARGE).'),
            '422': error('The package does not verify; the code names the check that failed (see CONTENT_REJECTION_CODES).', 'ContentError'),
          },
        },
      },
      [PORTAL_PATHS.openApi]: {
        get: {
          operationId: 'openApi',
          summary: 'This document.',
          security: [],
          responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
        },
      },
    },
    components: {
      securitySchemes: {
        kioskCredential: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'kiosk_<CODE>.<secret>',
          description: 'Issued per kiosk by an administrator (`npm run portal-admin -- issue-credential --kiosk <CODE>`).',
        },
        adminToken: { type: 'http', scheme: 'bearer', description: 'PORTAL_ADMIN_TOKEN.' },
      },
      schemas: {
        SubmissionRequest: schemaOf(submissionRequestSchema, 'input'),
        SubmissionAccepted: schemaOf(submissionAcceptedSchema, 'output'),
        ApplicationStatus: schemaOf(applicationStatusSchema, 'output'),
        Heartbeat: schemaOf(heartbeatSchema, 'input'),
        Error: schemaOf(portalErrorSchema, 'output'),
        ContentError: schemaOf(contentErrorSchema, 'output'),
        ContentManifest: schemaOf(manifestSchema, 'output'),
        PublishContentRequest: schemaOf(publishBodySchema, 'input'),
      },
    },
  };
}
