import { describe, expect, it } from 'vitest';
import { ConfigError } from '@marketswarm/shared/config';
import { DEFAULT_WATCHED_SYMBOLS, effectiveFeeds, parseIntelSettings, SAMPLE_FEEDS, watchedSymbols } from './intel-settings.js';

describe(parseIntelSettings.name, () => {
  it('accepts the shipped truth settings and fills defaults; no feeds means the sample feeds', () => {
    const settings = parseIntelSettings({ feeds: [], pollIntervalSec: 300 });
    expect(settings).toMatchObject({ pollIntervalSec: 300, requestTimeoutMs: 10_000, backoffBaseSec: 30, backoffMaxSec: 3600, seenLimit: 20_000 });
    expect(effectiveFeeds(settings)).toBe(SAMPLE_FEEDS);
  });

  it('uses the configured feeds when there are some', () => {
    const feeds = [{ url: 'https://example.com/rss', name: 'Ex', symbols: ['AAPL'] }];
    expect(effectiveFeeds(parseIntelSettings({ feeds }))).toEqual(feeds);
  });

  it('reports every bad key in one error', () => {
    let caught: unknown;
    try {
      parseIntelSettings({ feeds: [{ url: 'ftp://x' }, { url: 'file://a', symbols: ['spx'] }], pollIntervalSec: 0, nope: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as Error).message;
    expect(message).toContain('truth components.intel.settings.feeds.0.url');
    expect(message).toContain('truth components.intel.settings.feeds.1.symbols.0');
    expect(message).toContain('truth components.intel.settings.pollIntervalSec');
    expect(message).toMatch(/nope/);
  });
});

describe(watchedSymbols.name, () => {
  it('takes the market producer symbols, else the built-in list', () => {
    expect(watchedSymbols({ symbols: ['SPX', 'ES'] })).toEqual(['SPX', 'ES']);
    expect(watchedSymbols({})).toEqual(DEFAULT_WATCHED_SYMBOLS);
    expect(watchedSymbols(undefined)).toEqual(DEFAULT_WATCHED_SYMBOLS);
  });
});
