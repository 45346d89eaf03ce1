import type { Redis } from 'ioredis';
import { readSnapshot } from '@marketswarm/shared/bus';
import type { TypedEvent } from '@marketswarm/shared/events';
import type { Logger } from '@marketswarm/shared/logger';
import { gexLevels, type GexLevel } from '@marketswarm/shared/models';
import type { TopicRoute } from '@marketswarm/shared/truth';
import type { IntelMetrics } from './intel-metrics.js';
import type { IntelRepository } from './intel-repository.js';
import { buildSampleIntel, type SampleMarket } from './sample-intel.js';

/** The market the sample is written around: the latest spot and GEX snapshots the market producer keeps. */
export async function readSampleMarket(redis: Pick<Redis, 'hgetall'>, spot: TopicRoute, gex: TopicRoute | undefined): Promise<SampleMarket> {
  const spots: Record<string, number> = {};
  for (const event of (await readSnapshot(redis, spot, 'spot')).events) spots[event.data.symbol] = event.data.price;
  const levels: Record<string, readonly GexLevel[]> = {};
  if (gex !== undefined) for (const event of (await readSnapshot(redis, gex, 'gex')).events) levels[event.data.symbol] = gexLevels(event.data);
  return { spots, gex: levels };
}

export interface SamplePublisherDeps {
  readMarket: () => Promise<SampleMarket>;
  store: Pick<IntelRepository, 'unseen' | 'publish'>;
  watched: readonly string[];
  logger: Logger;
  metrics?: Pick<IntelMetrics, 'published'>;
  now?: () => number;
  /** After the first spot event, how long the other symbols get to publish theirs before the sample is written. */
  settleMs?: number;
}

/** The metrics label of sample items, in place of a feed name. */
export const SAMPLE_FEED_LABEL = 'sample';

/**
 * Writes the offline sample once, around the market as it is when the producer starts. A stack
 * started all at once may have no prices yet: then the sample waits for the first spot event (fed
 * through `onMarketEvent`), lets the other symbols tick for `settleMs`, and reads the snapshot again.
 */
export class SamplePublisher {
  private state: 'idle' | 'waiting' | 'scheduled' | 'written' | 'stopped' = 'idle';
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly deps: SamplePublisherDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Writes the sample now when the market has prices, else waits for the first spot event. Never throws. */
  async start(): Promise<void> {
    if (await this.tryWrite()) return;
    if (this.state === 'idle') this.state = 'waiting';
    this.deps.logger.info('no spot prices yet: the intel sample waits for the first one');
  }

  onMarketEvent(event: TypedEvent): void {
    if (this.state !== 'waiting' || event.topic !== 'spot') return;
    this.state = 'scheduled';
    this.timer = setTimeout(() => {
      this.writing = this.tryWrite().then((written) => {
        if (!written && this.state === 'scheduled') this.state = 'waiting';
      });
    }, this.deps.settleMs ?? 2000);
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    clearTimeout(this.timer);
    await this.writing;
  }

  /** Reads the market and publishes the sample items not yet published; false when there was nothing to write around. */
  private async tryWrite(): Promise<boolean> {
    const { logger, store } = this.deps;
    try {
      const market = await this.deps.readMarket();
      if (Object.keys(market.spots).length === 0 || this.state === 'stopped') return false;
      const fresh = await store.unseen(buildSampleIntel(this.now(), market, this.deps.watched));
      await store.publish(fresh, this.now());
      this.state = 'written';
      if (fresh.length > 0) this.deps.metrics?.published.inc({ feed: SAMPLE_FEED_LABEL }, fresh.length);
      logger.info({ published: fresh.length, symbols: Object.keys(market.spots) }, 'intel sample written around the live market');
      return true;
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'intel sample not written');
      return false;
    }
  }
}
