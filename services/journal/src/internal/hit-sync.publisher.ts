import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ALERT_SYNC_DEFAULT_MAXLEN, ALERT_SYNC_STREAM, encodeAlertSyncEntry, type AlertSyncEntry } from '@marketswarm/shared/dto';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';

/**
 * Announces recorded hits on the alert sync stream: one entry per applied hit, every entry of a
 * request in one MULTI (one round trip for a tick's hits), after the hits committed. A failed append
 * is logged, not thrown, as AlertSyncPublisher does: the hits are stored, and the evaluator's
 * periodic full reload picks them up.
 */
@Injectable()
export class HitSyncPublisher {
  private readonly redis: Redis;
  private readonly logger: Logger;
  private readonly maxlen: number;

  constructor(@Inject(SERVICE_CONTEXT) ctx: ServiceContext) {
    this.redis = ctx.bus.get('system');
    this.logger = ctx.logger;
    // AlertSyncPublisher warns once when truth leaves the stream out; the same default applies here.
    this.maxlen = ctx.truth().doc.components[ctx.id]?.publishes.find((channel) => channel.key === ALERT_SYNC_STREAM)?.maxlen ?? ALERT_SYNC_DEFAULT_MAXLEN;
  }

  async publish(entries: readonly Omit<AlertSyncEntry, 'ts'>[]): Promise<void> {
    if (entries.length === 0) return;
    const ts = Date.now();
    const multi = this.redis.multi();
    for (const entry of entries) multi.xadd(ALERT_SYNC_STREAM, 'MAXLEN', '~', this.maxlen, '*', ...encodeAlertSyncEntry({ ...entry, ts }));
    try {
      const replies = await multi.exec();
      const failed = replies?.find(([error]) => error !== null)?.[0];
      if (replies === null || failed) throw failed ?? new Error('the MULTI was discarded');
    } catch (error) {
      this.logger.error({ err: error, entries: entries.length }, 'appending hits to the alert sync stream failed');
    }
  }
}
