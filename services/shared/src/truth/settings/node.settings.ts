import { z } from 'zod';
import { DEFAULT_SESSION_TTL_SEC } from '../../auth/auth-settings.js';
import { isValidTimeZone } from '../../dto/auth.schema.js';
import { symbolSchema } from '../../events/symbol.js';

/**
 * Settings that belong to the whole node, not to one component (`truth/node.json`). A component
 * reads one of them only when its settings spec lists it, so no component reads another's
 * settings and `./admin docs` can say who uses what.
 */
export const nodeSettingsShape = {
  timezone: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York or UTC')
    .default('America/New_York')
    .describe('Time zone of the trading day; no process reads it yet (the market clock keeps America/New_York hours)'),
  sessionTtlSec: z
    .number()
    .int()
    .min(60)
    .max(366 * 24 * 3600)
    .default(DEFAULT_SESSION_TTL_SEC)
    .describe('Idle seconds before a sign-in session ends; every service that checks the session cookie uses the same value'),
  symbols: z
    .array(symbolSchema)
    .min(1)
    .max(100)
    .refine((list) => new Set(list).size === list.length, 'must not list a symbol twice')
    .default(['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ'])
    .describe('Symbols the stack follows: the market producer publishes them, intel matches them in the news and vexy comments on them'),
};

export const nodeSettingsSchema = z.strictObject(nodeSettingsShape);
export type NodeSettings = z.output<typeof nodeSettingsSchema>;
export type NodeSettingName = keyof NodeSettings;

/** Keys that used to live in a component's settings; a stale copy gets a pointer to the new place. */
export const MOVED_TO_NODE: ReadonlySet<string> = new Set<NodeSettingName>(['sessionTtlSec', 'symbols']);
