import { Counter, Gauge, type Registry } from '@marketswarm/shared/metrics';

/** Why the server ended a socket itself (`copilot_ws_dropped_total{reason}`). */
export type WsDropReason = 'slow-consumer' | 'ping-timeout' | 'session-ended' | 'too-big' | 'too-many-messages' | 'protocol-error';

export interface WsMetrics {
  open: Gauge<'path'>;
  dropped: Counter<'reason'>;
  refused: Counter<'status'>;
}

/** The WebSocket server's metrics on the service registry, registered once per registry. */
export function wsMetrics(registry: Registry): WsMetrics {
  const existing = (name: string) => registry.getSingleMetric(name);
  return {
    open: (existing('copilot_ws_open_sockets') as Gauge<'path'> | undefined) ?? new Gauge({ name: 'copilot_ws_open_sockets', help: 'Open WebSockets per path', labelNames: ['path'], registers: [registry] }),
    dropped:
      (existing('copilot_ws_dropped_total') as Counter<'reason'> | undefined) ??
      new Counter({ name: 'copilot_ws_dropped_total', help: 'WebSockets the server ended itself, by reason', labelNames: ['reason'], registers: [registry] }),
    refused:
      (existing('copilot_ws_refused_total') as Counter<'status'> | undefined) ??
      new Counter({ name: 'copilot_ws_refused_total', help: 'WebSocket upgrades refused before a socket existed, by HTTP status', labelNames: ['status'], registers: [registry] }),
  };
}
