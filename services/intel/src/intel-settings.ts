import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeedSetting, IntelSettings } from '@marketswarm/shared/truth';

// The schema lives in the shared library (truth/settings/intel.settings.ts), where
// `./admin build-truth` checks it too; main reads it with `ctx.settings.of(intelSettings)`.
export type { FeedSetting, IntelSettings } from '@marketswarm/shared/truth';

/** The repository root (services/intel/{src,dist} → ../../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Offline sample feeds, used when truth lists no feeds. */
export const SAMPLE_FEEDS: readonly FeedSetting[] = [
  { url: 'file://services/intel/fixtures/feeds/market-wire.rss.xml' },
  { url: 'file://services/intel/fixtures/feeds/desk-notes.atom.xml' },
];

/** The feeds to poll: the configured ones, or the shipped samples when none are configured. */
export function effectiveFeeds(settings: Pick<IntelSettings, 'feeds'>): readonly FeedSetting[] {
  return settings.feeds.length > 0 ? settings.feeds : SAMPLE_FEEDS;
}
