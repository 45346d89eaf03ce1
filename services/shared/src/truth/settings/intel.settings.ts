import { z } from 'zod';
import { symbolSchema } from '../../events/symbol.js';
import { componentSettings } from './settings-spec.js';

export const feedSettingSchema = z.strictObject({
  url: z
    .string()
    .regex(/^(https?|file):\/\/\S+$/, 'must be an http(s):// URL or a file:// path (relative paths resolve against the repository root)')
    .describe('Feed location'),
  name: z.string().min(1).max(200).optional().describe('Source name shown on items; the feed title when absent'),
  symbols: z.array(symbolSchema).optional().describe('Extra symbols matched as whole words in this feed'),
});
export type FeedSetting = z.output<typeof feedSettingSchema>;

/** The intel producer (`truth/components/intel.json` → `settings`); it watches the node's `symbols`. */
export const intelSettings = componentSettings(
  'intel',
  z
    .strictObject({
      feeds: z.array(feedSettingSchema).default([]).describe('RSS 2.0 / Atom feeds ({ url, name?, symbols? }); when empty, sample items generated around the live market on start'),
      pollIntervalSec: z.number().int().min(1).max(86_400).default(300).describe('Seconds between polls of one healthy feed'),
      requestTimeoutMs: z.number().int().min(100).max(120_000).default(10_000).describe('Timeout for one feed request').meta({ live: true }),
      backoffBaseSec: z.number().min(0.1).max(3600).default(30).describe('First retry delay after a failed poll; doubles per failure'),
      backoffMaxSec: z.number().min(1).max(86_400).default(3600).describe('Cap on the retry delay'),
      vexyLargeMovePct: z.number().min(0.05).max(50).default(1).describe('Spot move (percent) since the last announced one that vexy calls out'),
      vexyCrossingCooldownSec: z
        .number()
        .min(0)
        .max(86_400)
        .default(300)
        .describe('Seconds after vexy announces a level or wall crossing during which the reverse crossing must clear the hysteresis band'),
      vexyHysteresisSteps: z
        .number()
        .min(0)
        .max(10)
        .default(0.2)
        .describe("Hysteresis band, in a symbol's round-level steps (SPX 50, VIX 1): how far past a level a reverse crossing must go during the cooldown"),
      seenLimit: z.number().int().min(100).max(1_000_000).default(20_000).describe('Item ids remembered for dedupe across restarts'),
    })
    .refine((s) => s.backoffMaxSec >= s.backoffBaseSec, { message: 'must be at least backoffBaseSec', path: ['backoffMaxSec'] }),
  { node: ['symbols'] },
);
export type IntelSettings = z.output<typeof intelSettings.schema>;
