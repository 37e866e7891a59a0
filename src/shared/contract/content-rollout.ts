import { z } from 'zod';
import { CONTENT_MEANING_RULES } from '../content/content-meaning.js';
import { CONTENT_REJECTION_CODES } from '../content/package-verification.js';
import { isValidKioskCode, isValidOfficeCode } from '../domain/receipt-number.js';

/**
 * The back office's content publishing and staged rollout: an administrator uploads a signed
 * package as the zip of its folder, the portal checks the zip and the package and answers every
 * problem it finds, then the administrator assigns a published version to offices or kiosks
 * before widening it to all.
 */

/**
 * What the portal finds wrong in an uploaded zip before it reads the package inside: each names
 * the entry it is about, so the administrator knows which file to fix.
 */
export const ZIP_PROBLEM_CODES = [
  /** Not a zip, cut short, split over disks, or zip64 (a package never needs 4 GiB). */
  'ZIP_UNREADABLE',
  /** More entries than a package can hold. */
  'ZIP_TOO_MANY_ENTRIES',
  /** The files would unpack to more than a package may hold: the total or one file's limit. */
  'ZIP_TOO_LARGE',
  /** `..`, an absolute path, a backslash, a drive letter or a control character in an entry's name. */
  'ZIP_PATH_UNSAFE',
  /** Two entries with the same name. */
  'ZIP_DUPLICATE_ENTRY',
  /** A symbolic link, device or other entry that is not a plain file (or a directory with data). */
  'ZIP_ENTRY_NOT_A_FILE',
  /** A file outside the package layout: manifest.json, manifest.sig, catalogue.json, samples/<name>. */
  'ZIP_ENTRY_OUTSIDE_LAYOUT',
  /** Encrypted, or compressed other than stored or deflate. */
  'ZIP_ENTRY_UNSUPPORTED',
  /** Its data does not inflate to the size and CRC-32 its entry declares. */
  'ZIP_ENTRY_CORRUPT',
  /** No file at all. */
  'ZIP_EMPTY',
] as const;
export type ZipProblemCode = (typeof ZIP_PROBLEM_CODES)[number];

/** A file in the package that the signed manifest does not list: nothing unsigned is published. */
export const PART_UNSIGNED_CODE = 'PART_UNSIGNED';

export const PACKAGE_PROBLEM_CODES = [...ZIP_PROBLEM_CODES, ...CONTENT_REJECTION_CODES, 'APP_AHEAD_OF_FLEET', PART_UNSIGNED_CODE] as const;
export type PackageProblemCode = (typeof PACKAGE_PROBLEM_CODES)[number];

/** One problem of an uploaded package: where (the zip entry or package file, the JSON path in it) and what. */
export const packageProblemSchema = z.object({
  code: z.enum(PACKAGE_PROBLEM_CODES),
  /** The package file (or zip entry) it is about: `catalogue.json`, `samples/a.svg`, `pkg/../x`. */
  file: z.string().max(300),
  /** For a meaning problem, the content source file the catalogue was built from: `forms/form-x.json`. */
  source: z.string().max(200).optional(),
  /** The JSON path inside the file (`services[2].title.ky`), empty when the problem is the whole file. */
  path: z.string().max(500),
  /** For CONTENT_INVALID: the meaning rule broken. */
  rule: z.enum(CONTENT_MEANING_RULES).optional(),
  /** What the wording fills in: ids, limits, sizes. */
  values: z.record(z.string().max(40), z.union([z.string().max(500), z.number()])),
  /** The problem in plain English, as the content CLI words it (the page words it from code, rule and values). */
  message: z.string().max(2000),
});
export type PackageProblem = z.infer<typeof packageProblemSchema>;

/** The most problems one answer lists (the meaning check itself stops at 50). */
export const MAX_LISTED_PROBLEMS = 200;

export const PACKAGE_REFUSED_CODE = 'PACKAGE_REFUSED';
/** Nothing was published: every problem found, by file. */
export const packageRefusedSchema = z.object({
  error: z.object({ code: z.literal(PACKAGE_REFUSED_CODE), message: z.string(), problems: z.array(packageProblemSchema).min(1).max(MAX_LISTED_PROBLEMS) }),
});
export type PackageRefused = z.infer<typeof packageRefusedSchema>;

export const ROLLOUT_REFUSAL_CODES = [PACKAGE_REFUSED_CODE] as const;
export type ContentRolloutAnswerCode = (typeof ROLLOUT_REFUSAL_CODES)[number];

export const UPLOAD_REFUSAL_MESSAGE = 'Expected {zip: base64 of the package folder as a zip, aheadOfFleet?: boolean}.';

/** POST /backoffice/api/content/packages: the zip of a package folder (as `content build … && … sign` makes it), base64. */
export const uploadPackageRequestSchema = z
  .object(
    {
      zip: z.base64({ error: UPLOAD_REFUSAL_MESSAGE }).min(1, { error: UPLOAD_REFUSAL_MESSAGE }),
      /** The administrator knows the package needs an app no kiosk runs yet; publish it anyway. */
      aheadOfFleet: z.boolean({ error: UPLOAD_REFUSAL_MESSAGE }).optional(),
    },
    { error: UPLOAD_REFUSAL_MESSAGE },
  )
  .strict();
export type UploadPackageRequest = z.infer<typeof uploadPackageRequestSchema>;

/** Published, and assigned to no kiosk yet (unless no rollout was ever made: then the newest reaches all). */
export const packagePublishedSchema = z.object({ version: z.number().int().positive() });

export const officeCodeSchema = z.string().refine(isValidOfficeCode, { error: 'Not an office code (three characters of 0-9 and A-Z without I, L, O, U, such as BSK).' });
const rolloutKioskCodeSchema = z.string().refine(isValidKioskCode, { error: 'Not a kiosk code (four characters of 0-9 and A-Z without I, L, O, U, such as BSK1).' });

/** Where a version is assigned: every kiosk, the kiosks of one office, or one kiosk. The most specific wins. */
export const rolloutTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('office'), code: officeCodeSchema }).strict(),
  z.object({ kind: z.literal('kiosk'), code: rolloutKioskCodeSchema }).strict(),
]);
export type RolloutTarget = z.infer<typeof rolloutTargetSchema>;

export const MAX_TARGETS_PER_ASSIGNMENT = 200;
/** POST /backoffice/api/content/assignments: assign a published version to these targets. */
export const assignVersionRequestSchema = z
  .object({
    version: z.number().int().positive().max(999_999_999),
    targets: z.array(rolloutTargetSchema).min(1).max(MAX_TARGETS_PER_ASSIGNMENT),
  })
  .strict();
export type AssignVersionRequest = z.infer<typeof assignVersionRequestSchema>;

/** A kiosk as the rollout sees it: the version it is offered and the one its latest heartbeat says it runs. */
export const rolloutKioskSchema = z.object({
  kioskCode: rolloutKioskCodeSchema,
  officeCode: officeCodeSchema,
  offeredVersion: z.number().int().positive().nullable(),
  runningVersion: z.number().int().nonnegative().nullable(),
  reportedAt: z.iso.datetime().nullable(),
});
export type RolloutKiosk = z.infer<typeof rolloutKioskSchema>;

export const publishedVersionSchema = z.object({
  version: z.number().int().positive(),
  created: z.iso.datetime(),
  expires: z.iso.datetime(),
  /** The targets it is assigned to; `all` also when it reaches every kiosk because no rollout was ever made. */
  assignedTo: z.array(rolloutTargetSchema),
});
export type PublishedVersion = z.infer<typeof publishedVersionSchema>;

/** GET /backoffice/api/content/rollout: every published version, newest first, and every kiosk with a live credential. */
export const contentRolloutSchema = z.object({
  versions: z.array(publishedVersionSchema),
  kiosks: z.array(rolloutKioskSchema),
});
export type ContentRollout = z.infer<typeof contentRolloutSchema>;

export const assignmentMadeSchema = z.object({ version: z.number().int().positive(), targets: z.array(rolloutTargetSchema) });
