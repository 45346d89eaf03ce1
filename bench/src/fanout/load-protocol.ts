/** Line-delimited JSON between the orchestrator (stdin of a load client) and a load client (its stdout). */

export interface Target {
  host: string;
  port: number;
  path: string;
  headers: Record<string, string>;
  /** Speak TLS (HTTP/1.1 by ALPN; the bench's self-signed certificate is not verified). */
  tls?: boolean;
}

/**
 * When a subscription counts as open: `headers` once the 200 response head arrived (nchan, the
 * baseline); `ready` once the gateway's `ready` control event arrived (catch-up done, live from here).
 */
export type ReadyOn = 'headers' | 'ready';

export type LoadCommand =
  | {
      id: number;
      cmd: 'connect';
      targets: Target[];
      count: number;
      readyOn: ReadyOn;
      sampleEvery: number;
      concurrency: number;
      timeoutMs: number;
      /** Loopback source addresses used in turn (each has its own ephemeral port space). */
      sourceAddresses: string[];
    }
  | { id: number; cmd: 'reset' }
  | { id: number; cmd: 'stats' }
  | { id: number; cmd: 'collect'; expectedPerConnection: number }
  | { id: number; cmd: 'close' }
  | { id: number; cmd: 'exit' };

export interface ConnectReply {
  opened: number;
  failed: number;
  errors: string[];
  ms: number;
}

export interface StatsReply {
  delivered: number;
  open: number;
  /** Connections the server closed or reset after they were open. */
  lost: number;
}

export interface CollectReply extends StatsReply {
  perConnectionMin: number;
  perConnectionMax: number;
  /** Open connections that received fewer events than expected. */
  short: number;
  /** Publish→receive latencies in ms, from the sampled connections. */
  latenciesMs: number[];
  sampledConnections: number;
  /** Event-loop delay of this load client while measuring: a busy client would read late. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  bytesReceived: number;
}

export type LoadReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
