import { ChaosSseClient } from './chaos-sse-client.js';
import type { StreamNotice } from './chaos-report.js';
import type { CheckedClient } from './recovery.js';
import { SequenceChecker } from './sequence-checker.js';

export interface ClientSpec {
  name: string;
  path: string;
  protocol: 'h1' | 'h2';
  /** The checked topics this client receives (its route may carry more). */
  topics: readonly string[];
}

interface EnvelopeOfOurs {
  data?: { chaos?: unknown; seq?: unknown; attempt?: unknown };
}

/**
 * Clients with a sequence checker per topic. Only events carrying this run's marker are checked:
 * the stack's own producers write to the same topics.
 */
export class ChaosClientSet {
  readonly clients: { client: ChaosSseClient; checked: CheckedClient; ready: number; resets: Map<string, StreamNotice[]>; ended: StreamNotice[] }[] = [];

  constructor(baseUrl: string, cookie: string, runId: string, specs: readonly ClientSpec[]) {
    for (const spec of specs) {
      const checkers = new Map(spec.topics.map((t) => [t, new SequenceChecker()]));
      const entry = { client: undefined as unknown as ChaosSseClient, checked: { name: spec.name, checkers }, ready: 0, resets: new Map<string, StreamNotice[]>(), ended: [] as StreamNotice[] };
      entry.client = new ChaosSseClient({
        name: spec.name,
        baseUrl,
        path: spec.path,
        cookie,
        protocol: spec.protocol,
        onFrame: (frame, at) => {
          if (frame.event === 'ready') entry.ready += 1;
          // The gateway says why it ends a stream (slow-consumer, shutdown, …): the report shows it.
          else if (frame.event === 'error') entry.ended.push({ reason: (JSON.parse(frame.data) as { reason?: string }).reason ?? '?', at });
          else if (frame.event === 'reset') {
            // The reason (retention, unknown-position, unreadable-id, catch-up-budget) tells a failing run's cause.
            const { topic = '?', reason = '?' } = JSON.parse(frame.data) as { topic?: string; reason?: string };
            entry.resets.set(topic, [...(entry.resets.get(topic) ?? []), { reason, at }]);
          } else {
            const checker = checkers.get(frame.event);
            if (!checker) return;
            const data = (JSON.parse(frame.data) as EnvelopeOfOurs).data;
            if (data?.chaos !== runId || typeof data.seq !== 'number') return;
            checker.record(data.seq, typeof data.attempt === 'number' ? data.attempt : 0, at);
          }
        },
      });
      this.clients.push(entry);
    }
  }

  get checked(): CheckedClient[] {
    return this.clients.map((c) => c.checked);
  }

  start(): void {
    for (const c of this.clients) c.client.start();
  }

  cutAll(): void {
    for (const c of this.clients) c.client.cut();
  }

  stop(): void {
    for (const c of this.clients) c.client.stop();
  }

  /** True once every client has gone live at least once (its catch-up ended with `ready`). */
  allReady(): boolean {
    return this.clients.every((c) => c.ready > 0);
  }
}
