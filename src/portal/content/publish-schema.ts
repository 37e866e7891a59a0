import { z } from 'zod';

/** The files a content package may hold, as paths inside the package. */
export const PACKAGE_FILE_PATH = /^(manifest\.sig|manifest\.json|catalogue\.json|samples\/[a-z0-9][a-z0-9._-]*)$/;

/** PUT /v1/admin/content: every file of a signed package, base64. */
export const publishBodySchema = z.object({ files: z.record(z.string().regex(PACKAGE_FILE_PATH), z.string()) });
