import { describe, expect, it } from 'vitest';
import { createLogger } from '@marketswarm/shared/logger';
import { Registry } from '@marketswarm/shared/metrics';
import type { FetchResult } from './feed-fetcher.js';
import { FeedPoller, type IntelStore } from './feed-poller.js';
import { createIntelMetrics } from './intel-metrics.js';
import type { IntelItem } from './item-normaliser.js';

const RSS = `<rss version="2.0"><channel><title>T</title>
<item><title>B</title><guid>b</guid><pubDate>Tue, 18 Nov 2025 12:00:00 GMT</pubDate></item>
<item><title>A</title><guid>a</guid><pubDate>Tue, 18 Nov 2025 11:00:00 GMT</pubDate></item></channel></rss>`;

class MemoryStore implements IntelStore {
  seen = new Set<string>();
  published: IntelItem[] = [];
  validators = new Map<string, object>();
  failPublish = false;
  loadValidators = (url: string) => Promise.resolve(this.validators.get(url) ?? {});
  saveValidators = (url: string, v: object) => Promise.resolve(void this.validators.set(url, v));
  unseen = (items: readonly IntelItem[]) => Promise.resolve(items.filter((i) => !this.seen.has(i.id)));
  publish = (items: readonly IntelItem[]) => {
    if (this.failPublish) return Promise.reject(new Error('redis down'));
    for (const i of items) this.seen.add(i.id);
    this.published.push(...items);
    return Promise.resolve(items.map((_, n) => `${n}-0`));
  };
}

function setup(fetch: (url: string) => Promise<FetchResult>) {
  const store = new MemoryStore();
  const registry = new Registry();
  const poller = new FeedPoller(
    [{ url: 'https://x/feed', name: 'X' }],
    { pollIntervalMs: 60_000, backoff: { baseMs: 1000, maxMs: 4000 }, watched: [] },
    { store, fetch, metrics: createIntelMetrics(registry), logger: createLogger('intel-test', 'silent'), now: () => 7, random: () => 1 },
  );
  return { store, registry, poller, feed: { url: 'https://x/feed', name: 'X' } };
}

describe(FeedPoller.name, () => {
  it('publishes unseen items oldest first, then skips them as duplicates and saves validators', async () => {
    const { store, poller, feed, registry } = setup(() => Promise.resolve({ kind: 'fetched', body: RSS, validators: { etag: '"1"' } }));
    expect(await poller.pollOnce(feed)).toEqual({ kind: 'published', count: 2, duplicates: 0 });
    expect(store.published.map((i) => i.id)).toEqual(['a', 'b']);
    expect(store.validators.get(feed.url)).toEqual({ etag: '"1"' });
    expect(await poller.pollOnce(feed)).toEqual({ kind: 'published', count: 0, duplicates: 2 });
    expect(await registry.getSingleMetricAsString('ms_intel_duplicates_skipped_total')).toContain('feed="X"} 2');
  });

  it('never throws: fetch, parse and publish failures are counted by reason', async () => {
    let body = 'not xml <';
    let fail = true;
    const { store, poller, feed, registry } = setup(() => (fail ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve({ kind: 'fetched', body, validators: {} })));
    expect(await poller.pollOnce(feed)).toEqual({ kind: 'failed', reason: 'fetch' });
    fail = false;
    expect(await poller.pollOnce(feed)).toEqual({ kind: 'failed', reason: 'parse' });
    body = RSS;
    store.failPublish = true;
    expect(await poller.pollOnce(feed)).toEqual({ kind: 'failed', reason: 'publish' });
    expect(store.validators.size).toBe(0);
    const text = await registry.getSingleMetricAsString('ms_intel_fetch_errors_total');
    for (const reason of ['fetch', 'parse', 'publish']) expect(text).toContain(`feed="X",reason="${reason}"} 1`);
  });

  it('backs a failing feed off exponentially up to the cap and resets after a success', () => {
    const { poller, feed } = setup(() => Promise.resolve({ kind: 'not-modified' }));
    const failed = { kind: 'failed', reason: 'fetch' } as const;
    expect([1, 2, 3, 4].map(() => poller.nextDelayMs(feed, failed))).toEqual([1000, 2000, 4000, 4000]);
    expect(poller.nextDelayMs(feed, { kind: 'not-modified' })).toBe(60_000);
    expect(poller.nextDelayMs(feed, failed)).toBe(1000);
  });
});
