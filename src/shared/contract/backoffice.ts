import { z } from 'zod';

/**
 * What the back office's account endpoints carry: accounts, roles, the signed-in session and its
 * CSRF token. Shared by the portal, which serves them, and the back office web app, which shows
 * them; the endpoints themselves are declared in portal.ts with the rest of the API.
 */

/** An officer processes applications; an administrator may do everything an officer may, and run the fleet. */
export const BACKOFFICE_ROLES = ['officer', 'administrator'] as const;
export type BackOfficeRole = (typeof BACKOFFICE_ROLES)[number];

/** Whether a signed-in role may use an endpoint that requires `required`. */
export const roleMayUse = (role: BackOfficeRole, required: BackOfficeRole): boolean => role === 'administrator' || role === required;

/** The session cookie's name. The cookie holds only the session id; the portal stores its SHA-256. */
export const BACKOFFICE_SESSION_COOKIE = 'kyzmat_backoffice_session';

/** The path the back office web app and its API live under. */
export const BACKOFFICE_PATH = '/backoffice/';

/** A username: lower-case letters, digits, dot, dash and underscore, as typed at sign-in after lower-casing. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const usernameSchema = z.string().regex(USERNAME_PATTERN);
/** The shortest password an account may have; long passphrases are welcome, the cap only bounds the hashing work. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const signInRequestSchema = z
  .object({
    // Lower-cased before the check, so `Aigul` and `aigul` are one account.
    username: z.string().max(64).transform((value) => value.toLowerCase()).pipe(usernameSchema),
    password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  })
  .strict();
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** The signed-in session as the page sees it: who, in which role, and the token every state-changing request repeats. */
export const backOfficeSessionSchema = z.object({
  username: usernameSchema,
  role: z.enum(BACKOFFICE_ROLES),
  csrfToken: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** Seconds without a request after which the session ends. */
  idleTimeoutSeconds: z.number().int().positive(),
  /** When the session ends however busy it is. */
  expiresAt: z.iso.datetime(),
});
export type BackOfficeSession = z.infer<typeof backOfficeSessionSchema>;

/** Too many wrong passwords for this username: sign-in is refused until `lockedUntil`. */
export const ACCOUNT_LOCKED_CODE = 'ACCOUNT_LOCKED';
export const accountLockedSchema = z.object({
  error: z.object({ code: z.literal(ACCOUNT_LOCKED_CODE), message: z.string(), lockedUntil: z.iso.datetime() }),
});
export type AccountLocked = z.infer<typeof accountLockedSchema>;

/** An account as administrators list it; never its password hash. */
export const backOfficeUserSchema = z.object({
  username: usernameSchema,
  role: z.enum(BACKOFFICE_ROLES),
  createdAt: z.iso.datetime(),
  disabledAt: z.iso.datetime().nullable(),
});
export type BackOfficeUser = z.infer<typeof backOfficeUserSchema>;
export const backOfficeUserListSchema = z.object({ users: z.array(backOfficeUserSchema) });
