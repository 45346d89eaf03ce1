import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ALERT_SYNC_DEFAULT_MAXLEN, ALERT_SYNC_STREAM, encodeAlertSyncEntry, type AlertSyncEntry } from '@marketswarm/shared/dto';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';

/**
 * Tells the evaluator that a user's alerts changed, on the alert sync stream of system Redis (one
 * entry per change; the evaluator reloads that user's alerts from the internal API). Written after
 * the change committed; a failed append is logged, not thrown, because the change is stored and the
 * evaluator's periodic full reload picks it up. The answer says whether the entry was appended, for a
 * caller that must try again itself (an order fill, which no reload finds). `publishMany` appends a
 * batch (one tick's hits) in one MULTI, one round trip.
 */
@Injectable()
export class AlertSyncPublisher {
  private readonly redis: Redis;
  private readonly logger: Logger;
  private readonly maxlen: number;

  constructor(@Inject(SERVICE_CONTEXT) ctx: ServiceContext) {
    this.redis = ctx.bus.get('system');
    this.logger = ctx.logger;
    const declared = ctx.truth().doc.components[ctx.id]?.publishes.find((channel) => channel.key === ALERT_SYNC_STREAM);
    if (!declared) this.logger.warn({ stream: ALERT_SYNC_STREAM }, 'truth does not declare the alert sync stream; appending with the default retention');
    this.maxlen = declared?.maxlen ?? ALERT_SYNC_DEFAULT_MAXLEN;
  }

  async publish(entry: Omit<AlertSyncEntry, 'ts'>): Promise<boolean> {
    try {
      await this.redis.xadd(...this.xaddArgs({ ...entry, ts: Date.now() }));
      return true;
    } catch (error) {
      this.logger.error({ err: error, ...entry }, 'appending to the alert sync stream failed');
      return false;
    }
  }

  /** Every entry in one MULTI with one timestamp; nothing to do for none. */
  async publishMany(entries: readonly Omit<AlertSyncEntry, 'ts'>[]): Promise<boolean> {
    if (entries.length === 0) return true;
    const ts = Date.now();
    const multi = this.redis.multi();
    for (const entry of entries) multi.xadd(...this.xaddArgs({ ...entry, ts }));
    try {
      const replies = await multi.exec();
      const failed = replies?.find(([error]) => error !== null)?.[0];
      if (replies === null || failed) throw failed ?? new Error('the MULTI was discarded');
      return true;
    } catch (error) {
      this.logger.error({ err: error, entries: entries.length }, 'appending a batch to the alert sync stream failed');
      return false;
    }
  }

  private xaddArgs(entry: AlertSyncEntry): [string, 'MAXLEN', '~', number, '*', ...string[]] {
    return [ALERT_SYNC_STREAM, 'MAXLEN', '~', this.maxlen, '*', ...encodeAlertSyncEntry(entry)];
  }
}
