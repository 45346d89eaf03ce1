import type { Logger } from '@marketswarm/shared/logger';
import { backoffDelayMs, type BackoffPolicy } from './backoff.js';
import type { FeedValidators, FetchResult } from './feed-fetcher.js';
import { parseFeedXml, FeedParseError } from './feed-parser.js';
import type { FeedSetting } from './intel-settings.js';
import type { IntelMetrics } from './intel-metrics.js';
import type { IntelRepository } from './intel-repository.js';
import { feedSource, normaliseFeedItems, type IntelItem } from './item-normaliser.js';

export type IntelStore = Pick<IntelRepository, 'loadValidators' | 'saveValidators' | 'unseen' | 'publish'>;

export interface FeedPollerDeps {
  store: IntelStore;
  fetch: (url: string, previous: FeedValidators) => Promise<FetchResult>;
  metrics: IntelMetrics;
  logger: Logger;
  now?: () => number;
  random?: () => number;
  /** Told about the items just published (e.g. for vexy commentary); its failure never fails the poll. */
  onPublished?: (items: readonly IntelItem[]) => Promise<void>;
}

export interface FeedPollerOptions {
  pollIntervalMs: number;
  backoff: BackoffPolicy;
  watched: readonly string[];
}

export type PollOutcome = { kind: 'published'; count: number; duplicates: number } | { kind: 'not-modified' } | { kind: 'failed'; reason: string };

function feedLabel(feed: FeedSetting): string {
  return feed.name ?? feed.url;
}

/**
 * Polls each feed on its own timer: fetch (conditional), parse, normalise, publish the unseen
 * items oldest first. A failing feed backs off exponentially and never delays the others.
 */
export class FeedPoller {
  private readonly failures = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    private readonly feeds: readonly FeedSetting[],
    private readonly options: FeedPollerOptions,
    private readonly deps: FeedPollerDeps,
  ) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  start(): void {
    for (const feed of this.feeds) this.schedule(feed, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  /** The delay before the next poll of a feed after `outcome`. */
  nextDelayMs(feed: FeedSetting, outcome: PollOutcome): number {
    if (outcome.kind !== 'failed') {
      this.failures.delete(feed.url);
      return this.options.pollIntervalMs;
    }
    const failures = (this.failures.get(feed.url) ?? 0) + 1;
    this.failures.set(feed.url, failures);
    return backoffDelayMs(failures, this.options.backoff, this.random);
  }

  private schedule(feed: FeedSetting, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const run = this.pollOnce(feed).then((outcome) => this.schedule(feed, this.nextDelayMs(feed, outcome)));
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }, delayMs);
    this.timers.add(timer);
  }

  /** One poll of one feed; never throws. */
  async pollOnce(feed: FeedSetting): Promise<PollOutcome> {
    const label = feedLabel(feed);
    const { metrics, logger, store } = this.deps;
    let stage = 'fetch';
    try {
      const previous = await store.loadValidators(feed.url);
      const endTimer = metrics.duration.startTimer({ feed: label });
      let result: FetchResult;
      try {
        result = await this.deps.fetch(feed.url, previous);
      } finally {
        endTimer();
      }
      if (result.kind === 'not-modified') {
        metrics.notModified.inc({ feed: label });
        return { kind: 'not-modified' };
      }
      stage = 'parse';
      const parsed = parseFeedXml(result.body);
      const items = normaliseFeedItems(parsed.items, {
        source: feedSource(feed.name, parsed.title, feed.url),
        firstSeenMs: this.now(),
        watched: [...this.options.watched, ...(feed.symbols ?? [])],
        feedLink: parsed.link,
      });
      stage = 'publish';
      const fresh = await store.unseen(items);
      await store.publish(fresh, this.now());
      await store.saveValidators(feed.url, result.validators);
      if (fresh.length > 0 && this.deps.onPublished) {
        await this.deps.onPublished(fresh).catch((error: unknown) => logger.warn({ err: (error as Error).message }, 'onPublished failed'));
      }
      const duplicates = items.length - fresh.length;
      if (fresh.length > 0) metrics.published.inc({ feed: label }, fresh.length);
      if (duplicates > 0) metrics.duplicates.inc({ feed: label }, duplicates);
      logger.debug({ feed: label, published: fresh.length, duplicates }, 'feed polled');
      return { kind: 'published', count: fresh.length, duplicates };
    } catch (error) {
      const reason = error instanceof FeedParseError ? 'parse' : stage;
      metrics.errors.inc({ feed: label, reason });
      logger.warn({ feed: label, reason, err: (error as Error).message }, 'feed poll failed');
      return { kind: 'failed', reason };
    }
  }
}
