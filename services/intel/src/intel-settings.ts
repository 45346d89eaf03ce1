import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '@marketswarm/shared/config';

const ticker = z.string().regex(/^[A-Z][A-Z0-9.^/]{0,11}$/, 'must be an upper-case ticker such as SPX');

export const feedSettingSchema = z.strictObject({
  url: z
    .string()
    .regex(/^(https?|file):\/\/\S+$/, 'must be an http(s):// URL or a file:// path (relative paths resolve against the repository root)')
    .describe('Feed location'),
  name: z.string().min(1).max(200).optional().describe('Source name shown on items; the feed title when absent'),
  symbols: z.array(ticker).optional().describe('Extra symbols matched as whole words in this feed'),
});
export type FeedSetting = z.infer<typeof feedSettingSchema>;

/** The intel component's `settings` in truth, checked once at boot. */
export const intelSettingsSchema = z.strictObject({
  feeds: z.array(feedSettingSchema).default([]).describe('RSS 2.0 / Atom feeds; the shipped sample feeds when empty'),
  pollIntervalSec: z.number().int().min(1).max(86_400).default(300).describe('Seconds between polls of one healthy feed'),
  requestTimeoutMs: z.number().int().min(100).max(120_000).default(10_000).describe('Timeout for one feed request'),
  backoffBaseSec: z.number().min(0.1).max(3600).default(30).describe('First retry delay after a failed poll; doubles per failure'),
  backoffMaxSec: z.number().min(1).max(86_400).default(3600).describe('Cap on the retry delay'),
  vexyLargeMovePct: z.number().min(0.05).max(50).default(1).describe('Spot move (percent) since the last announced one that vexy calls out'),
  seenLimit: z.number().int().min(100).max(1_000_000).default(20_000).describe('Item ids remembered for dedupe across restarts'),
});
export type IntelSettings = z.infer<typeof intelSettingsSchema>;

/** The repository root (services/intel/{src,dist} → ../../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Offline sample feeds, used when truth lists no feeds. */
export const SAMPLE_FEEDS: readonly FeedSetting[] = [
  { url: 'file://services/intel/fixtures/feeds/market-wire.rss.xml' },
  { url: 'file://services/intel/fixtures/feeds/desk-notes.atom.xml' },
];

/** Symbols watched when truth's market producer lists none. */
export const DEFAULT_WATCHED_SYMBOLS: readonly string[] = ['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ'];

export function parseIntelSettings(settings: unknown): IntelSettings {
  const parsed = intelSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `truth components.intel.settings.${i.path.join('.')}: ${i.message}`));
  }
  if (parsed.data.backoffMaxSec < parsed.data.backoffBaseSec) {
    throw new ConfigError(['truth components.intel.settings.backoffMaxSec: must be at least backoffBaseSec']);
  }
  return parsed.data;
}

/** The feeds to poll: the configured ones, or the shipped samples when none are configured. */
export function effectiveFeeds(settings: IntelSettings): readonly FeedSetting[] {
  return settings.feeds.length > 0 ? settings.feeds : SAMPLE_FEEDS;
}

/** Watched symbols from the market producer's settings (`symbols`), else the built-in list. */
export function watchedSymbols(marketSettings: unknown): string[] {
  const parsed = z.object({ symbols: z.array(ticker).min(1) }).safeParse(marketSettings);
  return parsed.success ? [...parsed.data.symbols] : [...DEFAULT_WATCHED_SYMBOLS];
}
