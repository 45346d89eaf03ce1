import { z } from 'zod';

/**
 * REST contracts of accounts and sessions (`/api/auth/*`, `/api/profile`). The gateway validates
 * with them and the UI imports the same file, so this module must stay free of Node APIs.
 */

/** httpOnly: the session id is never readable by page scripts. */
export const SESSION_COOKIE = 'ms_session';
/** Readable by page scripts, which echo it in the X-CSRF-Token header (double submit). */
export const CSRF_COOKIE = 'ms_csrf';
/** The request header that must echo the `ms_csrf` cookie on every state-changing request. */
export const CSRF_HEADER = 'X-CSRF-Token';

/** A required string field whose missing or wrong-typed value gets a clear message. */
const requiredString = () => z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });

export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const DISPLAY_NAME_MAX_LENGTH = 80;
export const PREFERENCES_MAX_BYTES = 16 * 1024;

/** Trimmed and lower-cased before the format check, so `" Ann@Example.COM "` is `ann@example.com`. */
export const emailSchema = requiredString()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH, `must be at most ${EMAIL_MAX_LENGTH} characters`)
  .pipe(z.email('must be a valid email address such as ann@example.com'));

export const passwordSchema = requiredString()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const roleSchema = z.enum(['trader', 'admin'], 'must be "trader" or "admin"');
export type Role = z.infer<typeof roleSchema>;

export const registerBodySchema = z.strictObject({ email: emailSchema, password: passwordSchema });
export type RegisterBody = z.infer<typeof registerBodySchema>;

export const loginBodySchema = z.strictObject({ email: emailSchema, password: passwordSchema });
export type LoginBody = z.infer<typeof loginBodySchema>;

/** True for IANA zone names the runtime knows (`UTC`, `America/New_York`); offsets like `+05:00` are refused. */
export function isValidTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timezoneSchema = requiredString()
  .trim()
  .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York or UTC');

/** UTF-8 size of a value's JSON text (TextEncoder works in Node and in the browser). */
export function jsonByteLength(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

export const preferencesSchema = z
  .record(z.string(), z.json(), 'must be a JSON object')
  .superRefine((value, ctx) => {
    const bytes = jsonByteLength(value);
    if (bytes > PREFERENCES_MAX_BYTES) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${PREFERENCES_MAX_BYTES} bytes as JSON (got ${bytes})` });
    }
  });
export type Preferences = z.infer<typeof preferencesSchema>;

export const displayNameSchema = requiredString()
  .trim()
  .min(1, 'must not be empty')
  .max(DISPLAY_NAME_MAX_LENGTH, `must be at most ${DISPLAY_NAME_MAX_LENGTH} characters`);

/** What a client may change about itself; `preferences` replaces the stored object as a whole. */
export const profilePatchSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    timezone: timezoneSchema.optional(),
    preferences: preferencesSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'name at least one of displayName, timezone, preferences',
    // Only for an otherwise valid patch: `{ role }` is reported as an unknown key, not also as empty.
    when: (payload) => payload.issues.length === 0,
  });
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

/** A user as every API returns it: never the password hash. */
export const userDtoSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  email: z.email(),
  role: roleSchema,
  displayName: z.string(),
  timezone: z.string(),
  preferences: z.record(z.string(), z.json()),
  /** ISO 8601, UTC. */
  createdAt: z.iso.datetime(),
});
export type UserDto = z.infer<typeof userDtoSchema>;

/** Body of register, login, me and the profile routes. */
export const userResponseSchema = z.strictObject({ user: userDtoSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;

/** `GET /api/auth/demo` on the local development stack: the seeded demo trader's login. */
export const demoLoginSchema = z.strictObject({ email: z.string(), password: z.string() });
export type DemoLogin = z.infer<typeof demoLoginSchema>;
