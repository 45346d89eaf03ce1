import type { Logger } from '@marketswarm/shared/logger';
import type { RedisBus } from '@marketswarm/shared/bus';
import { busNames, formatStreamId, type TopicName } from '@marketswarm/shared/events';
import type { TruthDoc } from '@marketswarm/shared/truth';
import { KEEPALIVE_FRAME } from './frame-encoder.js';
import type { GatewayMetrics } from './gateway-metrics.js';
import { StreamReader, type ReaderStream } from './stream-reader.js';
import { SubscriberRegistry } from './subscriber-registry.js';

export interface FanoutOptions {
  keepaliveMs: number;
}

/**
 * The ingest side of the gateway: one StreamReader per Redis bus feeding one registry, plus the
 * keepalive tick. Malformed entries are counted and skipped (logged at most once a minute per topic).
 */
export class Fanout {
  readonly registry = new SubscriberRegistry();
  private readonly readers: StreamReader[] = [];
  private keepalive: NodeJS.Timeout | undefined;
  private readonly lastInvalidLog = new Map<TopicName, number>();

  constructor(
    private readonly truth: TruthDoc,
    private readonly bus: RedisBus,
    private readonly metrics: GatewayMetrics,
    private readonly logger: Logger,
    private readonly options: FanoutOptions,
  ) {}

  async start(): Promise<void> {
    for (const bus of busNames) {
      const streams: ReaderStream[] = Object.values(this.truth.topics)
        .filter((route) => route.bus === bus)
        .map((route) => ({ topic: route.topic, key: route.stream }));
      if (streams.length === 0) continue;
      const reader = new StreamReader(
        this.bus.dedicated(bus, 'xread'),
        streams,
        {
          onEvent: (event) => {
            this.metrics.eventsIn.inc({ topic: event.topic });
            this.registry.dispatch(event);
            this.metrics.latency.observe(Math.max(0, Date.now() - event.ts) / 1000);
          },
          onInvalid: (topic, reason) => this.invalid(topic, reason),
          onBatch: (_count, lagMs) => this.metrics.readLag.set({ bus }, lagMs / 1000),
        },
        this.logger,
      );
      await reader.start();
      this.readers.push(reader);
    }
    this.keepalive = setInterval(() => {
      for (const connection of this.registry.connections()) connection.keepalive(KEEPALIVE_FRAME);
    }, this.options.keepaliveMs);
    this.keepalive.unref();
  }

  /** Stream key → the newest entry id fanned out: this gateway's read position, for operators' lag views. */
  cursors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const reader of this.readers) for (const key of reader.keys) out[key] = formatStreamId(reader.tail(key));
    return out;
  }

  invalid(topic: TopicName, reason: string): void {
    this.metrics.eventsInvalid.inc({ topic });
    const now = Date.now();
    if (now - (this.lastInvalidLog.get(topic) ?? 0) > 60_000) {
      this.lastInvalidLog.set(topic, now);
      this.logger.warn({ topic, reason }, 'skipped malformed event');
    }
  }

  async stop(): Promise<void> {
    if (this.keepalive) clearInterval(this.keepalive);
    for (const connection of [...this.registry.connections()]) connection.disconnect('shutdown');
    await Promise.all(this.readers.map((r) => r.stop()));
  }
}
