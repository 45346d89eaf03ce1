import { z } from 'zod';
import { nonNegativeDecimalInputSchema, timeZoneSchema } from './journal-common.schema.js';

/**
 * REST contracts of journal settings (`/api/settings`): a fixed set of keys, each with its own value
 * schema and default. A key not listed here does not exist (404 naming it).
 */

export const JOURNAL_SETTINGS = {
  /** How partial exits are matched to entries. */
  costBasis: { schema: z.enum(['fifo', 'average'], 'must be "fifo" or "average"'), default: 'fifo' },
  /** |net| at or below this many dollars is break-even in analytics. */
  breakevenTolerance: { schema: nonNegativeDecimalInputSchema, default: 0 },
  /** Exchange time for analytics (entry hour, weekday, trading day); an IANA zone. */
  timeZone: { schema: timeZoneSchema, default: 'America/New_York' },
} as const;

export type JournalSettingKey = keyof typeof JOURNAL_SETTINGS;
export const JOURNAL_SETTING_KEYS = Object.keys(JOURNAL_SETTINGS) as [JournalSettingKey, ...JournalSettingKey[]];

export function isJournalSettingKey(key: string): key is JournalSettingKey {
  return Object.hasOwn(JOURNAL_SETTINGS, key);
}

/** Every setting, the user's own value or the default. */
export const journalSettingsSchema = z.object({
  costBasis: JOURNAL_SETTINGS.costBasis.schema,
  breakevenTolerance: z.number().describe('dollars'),
  timeZone: z.string(),
});
export type JournalSettingsDto = z.infer<typeof journalSettingsSchema>;

export const settingParamsSchema = z.object({ key: z.string().max(64, 'must be at most 64 characters').describe(`one of ${JOURNAL_SETTING_KEYS.join(', ')}`) });

/** The body of `PUT /api/settings/:key`, for a known key. */
export function settingBodySchema<K extends JournalSettingKey>(key: K) {
  return z.strictObject({ value: JOURNAL_SETTINGS[key].schema });
}

/** The body of `PUT /api/settings/:key` as documented: `value` is checked against the key's schema. */
export const anySettingBodySchema = z.strictObject({
  value: z.union([JOURNAL_SETTINGS.costBasis.schema, z.number(), z.string()]).describe(`the key's value: ${JOURNAL_SETTING_KEYS.join(', ')} each have their own schema`),
});

export const settingSchema = z.object({
  key: z.enum(JOURNAL_SETTING_KEYS),
  value: z.union([z.string(), z.number()]),
  isDefault: z.boolean().describe('true when the user has not set it'),
});
export type SettingDto = z.infer<typeof settingSchema>;
