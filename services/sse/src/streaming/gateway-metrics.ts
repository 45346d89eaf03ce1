import { Counter, Gauge, Histogram, type Registry } from '@marketswarm/shared/metrics';

/** Everything the fan-out counts, registered once per process. */
export function createGatewayMetrics(registry: Registry) {
  return {
    connections: new Gauge({ name: 'ms_sse_connections', help: 'Open SSE connections', labelNames: ['route'], registers: [registry] }),
    eventsIn: new Counter({ name: 'ms_sse_events_in_total', help: 'Events read from Redis streams', labelNames: ['topic'], registers: [registry] }),
    eventsInvalid: new Counter({ name: 'ms_sse_events_invalid_total', help: 'Malformed stream entries skipped', labelNames: ['topic'], registers: [registry] }),
    eventsOut: new Counter({ name: 'ms_sse_events_out_total', help: 'Events written to clients', labelNames: ['topic'], registers: [registry] }),
    bytesOut: new Counter({ name: 'ms_sse_bytes_out_total', help: 'Bytes written to clients', registers: [registry] }),
    lagging: new Gauge({ name: 'ms_sse_lagging_connections', help: 'Connections whose socket is full (events queue and ticks conflate)', registers: [registry] }),
    conflated: new Counter({ name: 'ms_sse_conflated_total', help: 'Market ticks replaced by a newer tick while a client lagged', labelNames: ['topic'], registers: [registry] }),
    disconnected: new Counter({ name: 'ms_sse_disconnected_total', help: 'Clients disconnected by the gateway', labelNames: ['reason'], registers: [registry] }),
    resumes: new Counter({ name: 'ms_sse_resumes_total', help: 'Per-topic resume outcomes', labelNames: ['outcome'], registers: [registry] }),
    latency: new Histogram({
      name: 'ms_sse_publish_to_write_seconds',
      help: 'From producer timestamp to write on the client socket',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    readLag: new Gauge({ name: 'ms_sse_redis_read_lag_seconds', help: 'Age of the newest entry of the last XREAD batch', labelNames: ['bus'], registers: [registry] }),
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
