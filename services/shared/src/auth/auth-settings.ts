import { z } from 'zod';

/** Seven days of idle time before a session ends. */
export const DEFAULT_SESSION_TTL_SEC = 7 * 24 * 3600;

const authSettingsSchema = z.object({
  sessionTtlSec: z.number().int().min(60, 'must be at least 60 seconds').default(DEFAULT_SESSION_TTL_SEC),
});
export type AuthSettings = z.infer<typeof authSettingsSchema>;

/** The auth part of the sse component's truth settings (`settings.sessionTtlSec`). */
export function authSettingsFrom(settings: Record<string, unknown>): AuthSettings {
  const parsed = authSettingsSchema.safeParse({ sessionTtlSec: settings['sessionTtlSec'] });
  if (!parsed.success) {
    throw new Error(`truth settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
