import { z } from 'zod';

const windowSchema = z.strictObject({
  limit: z.number().int().min(1, 'must be at least 1'),
  windowSec: z.number().int().min(1, 'must be at least 1 second'),
});
/** At most `limit` attempts in a fixed window of `windowSec` that starts with the first one. */
export type RateWindow = z.infer<typeof windowSchema>;

const authLimitsSchema = z.strictObject({
  /** Failed sign-ins per account from one client address: the fast lock, which an attacker can only put on their own address. */
  accountPerAddress: windowSchema,
  /** Failed sign-ins per client address across accounts (password spraying). */
  perAddress: windowSchema,
  /** Failed sign-ins per account from every address; a correct password from a known device still passes it. */
  perAccount: windowSchema,
  /** Sign-up attempts per client address. */
  signUpsPerAddress: windowSchema,
  /** How long a device stays known after its last successful sign-in. */
  knownDeviceTtlSec: z.number().int().min(60, 'must be at least 60 seconds'),
  /** Known devices remembered per account; the least recently used beyond it are forgotten. */
  knownDevicesPerAccount: z.number().int().min(1, 'must be at least 1'),
});
export type AuthLimits = z.infer<typeof authLimitsSchema>;

/** The one place the sign-in and sign-up limits are set; docs/API.md `## Limits` states them. */
export const DEFAULT_AUTH_LIMITS: AuthLimits = {
  accountPerAddress: { limit: 10, windowSec: 15 * 60 },
  perAddress: { limit: 50, windowSec: 15 * 60 },
  perAccount: { limit: 100, windowSec: 60 * 60 },
  signUpsPerAddress: { limit: 5, windowSec: 60 * 60 },
  knownDeviceTtlSec: 90 * 24 * 3600,
  knownDevicesPerAccount: 20,
};

/** The defaults with `overrides` laid over them (whole windows), refusing impossible numbers in one message. */
export function resolveAuthLimits(overrides: Partial<AuthLimits> = {}): AuthLimits {
  const parsed = authLimitsSchema.safeParse({ ...DEFAULT_AUTH_LIMITS, ...overrides });
  if (!parsed.success) throw new Error(`auth limits: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
