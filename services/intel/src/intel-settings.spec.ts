import { describe, expect, it } from 'vitest';
import { intelSettings } from '@marketswarm/shared/truth';
import { effectiveFeeds, SAMPLE_FEEDS } from './intel-settings.js';

describe(effectiveFeeds.name, () => {
  it('falls back to the shipped sample feeds when truth lists none', () => {
    expect(effectiveFeeds(intelSettings.schema.parse({ feeds: [] }))).toBe(SAMPLE_FEEDS);
  });

  it('uses the configured feeds when there are some', () => {
    const feeds = [{ url: 'https://example.com/rss', name: 'Ex', symbols: ['AAPL'] }];
    expect(effectiveFeeds(intelSettings.schema.parse({ feeds }))).toEqual(feeds);
  });
});
