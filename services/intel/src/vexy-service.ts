import type { Redis } from 'ioredis';
import { publishEvents, SeqCounter } from '@marketswarm/shared/bus';
import type { TypedEvent } from '@marketswarm/shared/events';
import { gexLevels } from '@marketswarm/shared/models';
import type { TopicRoute } from '@marketswarm/shared/truth';
import type { IntelItem } from './item-normaliser.js';
import type { Commentary, VexyCommentator } from './vexy-commentator.js';

/** Routes market events and new intel through the commentator and publishes its lines on `vexy`, numbered by `seq`. */
export class VexyService {
  constructor(
    private readonly commentator: VexyCommentator,
    private readonly redis: Redis,
    private readonly route: TopicRoute,
    /** Numbers every published line (`seq`); main resumes it from the stream tail. */
    private readonly seq: SeqCounter = new SeqCounter(),
    private readonly now: () => number = Date.now,
  ) {}

  /** Crossings are timed by the event's own `ts`, so the cooldown follows market time (also in a replay). */
  async onMarketEvent(event: TypedEvent): Promise<void> {
    if (event.topic === 'spot') await this.publish(this.commentator.onSpot(event.data.symbol, event.data.price, event.ts));
    else if (event.topic === 'mode') await this.publish(this.commentator.onMode(event.data.mode, event.data.score, event.data.symbol));
    else if (event.topic === 'gex') this.commentator.onGex(event.data.symbol, gexLevels(event.data));
  }

  /** Sample items are never news, so vexy does not comment on them. */
  async onIntel(items: readonly IntelItem[]): Promise<void> {
    await this.publish(items.filter((item) => item.sample !== true).flatMap((item) => this.commentator.onIntel(item)));
  }

  private async publish(lines: readonly Commentary[]): Promise<void> {
    if (lines.length === 0) return;
    await publishEvents(
      this.redis,
      this.route,
      lines.map((line) => ({ topic: 'vexy', type: line.kind, ts: this.now(), data: { ...line, seq: this.seq.next() } })),
    );
  }
}
