import { Counter, Gauge, Histogram, type Registry } from '@marketswarm/shared/metrics';

/**
 * Per-delivery counts kept as plain numbers on the write path and moved into Prometheus counters
 * only when scraped: a labelled `inc()` per client per event would cost more than the write.
 */
export class DeliveryTally {
  readonly events: Record<string, number> = Object.create(null) as Record<string, number>;
  bytes = 0;

  count(topic: string, bytes: number): void {
    this.events[topic] = (this.events[topic] ?? 0) + 1;
    this.bytes += bytes;
  }
}

/** Everything the fan-out counts, registered once per process. */
export function createGatewayMetrics(registry: Registry) {
  const tally = new DeliveryTally();
  return {
    tally,
    connections: new Gauge({ name: 'ms_sse_connections', help: 'Open SSE connections', labelNames: ['route'], registers: [registry] }),
    eventsIn: new Counter({ name: 'ms_sse_events_in_total', help: 'Events read from Redis streams', labelNames: ['topic'], registers: [registry] }),
    eventsInvalid: new Counter({ name: 'ms_sse_events_invalid_total', help: 'Malformed stream entries skipped', labelNames: ['topic'], registers: [registry] }),
    eventsOut: new Counter({
      name: 'ms_sse_events_out_total',
      help: 'Events written to clients',
      labelNames: ['topic'],
      registers: [registry],
      collect() {
        for (const [topic, n] of Object.entries(tally.events)) {
          if (n > 0) this.inc({ topic }, n);
          tally.events[topic] = 0;
        }
      },
    }),
    bytesOut: new Counter({
      name: 'ms_sse_bytes_out_total',
      help: 'Bytes written to clients',
      registers: [registry],
      collect() {
        if (tally.bytes > 0) this.inc(tally.bytes);
        tally.bytes = 0;
      },
    }),
    lagging: new Gauge({ name: 'ms_sse_lagging_connections', help: 'Connections whose socket is full (events queue and ticks conflate)', registers: [registry] }),
    conflated: new Counter({ name: 'ms_sse_conflated_total', help: 'Market ticks replaced by a newer tick while a client lagged', labelNames: ['topic'], registers: [registry] }),
    disconnected: new Counter({ name: 'ms_sse_disconnected_total', help: 'Clients disconnected by the gateway', labelNames: ['reason'], registers: [registry] }),
    refused: new Counter({ name: 'ms_sse_refused_total', help: 'Stream requests refused for a per-user or per-session stream cap', labelNames: ['reason'], registers: [registry] }),
    resumes: new Counter({ name: 'ms_sse_resumes_total', help: 'Per-topic resume outcomes', labelNames: ['outcome'], registers: [registry] }),
    latency: new Histogram({
      name: 'ms_sse_publish_to_write_seconds',
      help: 'From producer timestamp until the event was written to every subscriber',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    readLag: new Gauge({ name: 'ms_sse_redis_read_lag_seconds', help: 'Age of the newest entry of the last XREAD batch', labelNames: ['bus'], registers: [registry] }),
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
