/** Line-delimited JSON between the storm orchestrator and a storm client (see storm-client.ts). */
import type { Target } from './load-protocol.js';

export type StormCommand =
  | {
      id: number;
      cmd: 'connect';
      targets: Target[];
      count: number;
      concurrency: number;
      timeoutMs: number;
      /** Loopback source addresses used in turn (each has its own ephemeral port space). */
      sourceAddresses: string[];
      /** One `Cookie` header per subscription (in turn); none: the targets' own headers only. */
      cookies: string[];
    }
  /** From `at` (epoch ms) on, a connection that drops and comes back counts as a resume. */
  | { id: number; cmd: 'mark'; at: number }
  | { id: number; cmd: 'stats' }
  | { id: number; cmd: 'collect'; total: number }
  | { id: number; cmd: 'close' }
  | { id: number; cmd: 'exit' };

export interface StormConnectReply {
  opened: number;
  failed: number;
  errors: string[];
  ms: number;
}

export interface StormStats {
  /** Subscriptions this client holds. */
  subscriptions: number;
  /** Of them, live now (their latest connection got `ready`). */
  live: number;
  /** Dropped since the mark. */
  dropped: number;
  /** Dropped since the mark and live again. */
  resumed: number;
  /** Highest `seq` every subscription has received (the minimum over them). */
  minLastSeq: number;
}

export interface StormCollectReply extends StormStats {
  /** Per resumed subscription: ms from the mark to its first `ready` after the drop. */
  resumeMs: number[];
  /** Per resumed subscription: ms from its own drop to that `ready`. */
  downMs: number[];
  gaps: number;
  duplicates: number;
  /** Subscriptions with at least one gap or duplicate. */
  clientsWithGaps: number;
  clientsWithDuplicates: number;
  /** Worst single subscription. */
  maxGaps: number;
  resets: number;
  /** Connection attempts since the mark (each reconnect, and each retry after a refused one). */
  attempts: number;
  /** Attempts that failed to connect (gateway down), retried after `retry:` as browsers do. */
  refusedConnects: number;
  /** Answers other than 200 (a browser's EventSource would give up on those). */
  badStatus: number;
  badStatusSample: string[];
  received: number;
  retryMs: { min: number; max: number };
}
