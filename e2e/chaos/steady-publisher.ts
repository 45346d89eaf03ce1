import type { TopicName } from '@marketswarm/shared/events';
import type { AckedSeq } from './sequence-checker.js';

/** One topic the publisher feeds, with the payload for a seq (the marker and seq are added). */
export interface PublishedTopic {
  topic: TopicName;
  payload(seq: number): Record<string, unknown>;
  user?: string;
}

export type AppendEvents = (topic: TopicName, payloads: readonly Record<string, unknown>[], options: { user?: string }) => Promise<unknown>;

/** Between attempts of an append that failed: its Redis is restarting. */
const RETRY_DELAY_MS = 100;

/**
 * A steady producer: one loop per topic appends `{ ...payload, chaos: runId, seq, attempt }` at a
 * fixed rate. An append that fails (its Redis is down) is retried with the SAME seq until Redis
 * acknowledges it; only acknowledged seqs are promised to clients. `attempt` tells a gateway
 * repeat from an append that Redis stored although its acknowledgement was lost.
 */
export class SteadyPublisher {
  readonly acked = new Map<TopicName, AckedSeq[]>();
  readonly retries = new Map<TopicName, number>();
  private readonly next = new Map<TopicName, number>();
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly append: AppendEvents,
    private readonly topics: readonly PublishedTopic[],
    private readonly runId: string,
    private readonly ratePerTopic: number,
  ) {
    for (const t of topics) {
      this.acked.set(t.topic, []);
      this.retries.set(t.topic, 0);
      this.next.set(t.topic, 0);
    }
  }

  start(): void {
    this.running = true;
    this.loops = this.topics.map((t) => this.loop(t));
  }

  /** Stops after the appends in flight are acknowledged, so `acked` is final. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** The seq each topic appends next: a fault's starting line for recovery. */
  nextSeq(): Record<string, number> {
    return Object.fromEntries(this.next);
  }

  private async loop(t: PublishedTopic): Promise<void> {
    const interval = 1000 / this.ratePerTopic;
    let due = Date.now();
    while (this.running) {
      const seq = this.next.get(t.topic)!;
      // Stopping abandons an append that never got its acknowledgement: it was never promised.
      for (let attempt = 0; this.running; attempt++) {
        try {
          await this.append(t.topic, [{ ...t.payload(seq), chaos: this.runId, seq, attempt }], t.user ? { user: t.user } : {});
          this.acked.get(t.topic)!.push({ seq, attempt, ackedAt: Date.now() });
          break;
        } catch {
          this.retries.set(t.topic, this.retries.get(t.topic)! + 1);
          await sleep(RETRY_DELAY_MS);
          due = Date.now();
        }
      }
      this.next.set(t.topic, seq + 1);
      due += interval;
      await sleep(Math.max(0, due - Date.now()));
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
