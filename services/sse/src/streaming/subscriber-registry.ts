import type { TopicName } from '@marketswarm/shared/events';
import type { IngestedEvent } from './ingested-event.js';
import type { SseConnection } from './sse-connection.js';

export interface ConnectionStats {
  id: number;
  route: string;
  topics: TopicName[];
  connectedAt: number;
  pendingBytes: number;
}

/** Connections indexed by topic, so an event only visits the clients that follow its topic. */
export class SubscriberRegistry {
  private readonly byTopic = new Map<TopicName, Set<SseConnection>>();
  private readonly all = new Set<SseConnection>();

  add(connection: SseConnection): void {
    this.all.add(connection);
    for (const topic of connection.subscription.topics) {
      let set = this.byTopic.get(topic);
      if (!set) this.byTopic.set(topic, (set = new Set()));
      set.add(connection);
    }
  }

  remove(connection: SseConnection): void {
    this.all.delete(connection);
    for (const topic of connection.subscription.topics) this.byTopic.get(topic)?.delete(connection);
  }

  dispatch(event: IngestedEvent): void {
    const set = this.byTopic.get(event.topic);
    if (!set) return;
    for (const connection of set) if (connection.accepts(event)) connection.offer(event);
  }

  get size(): number {
    return this.all.size;
  }

  connections(): IterableIterator<SseConnection> {
    return this.all.values();
  }

  /** The distinct sessions behind the open connections. */
  sessionIds(): Set<string> {
    return new Set([...this.all].map((c) => c.owner.sessionId));
  }

  forSession(sessionId: string): SseConnection[] {
    return [...this.all].filter((c) => c.owner.sessionId === sessionId);
  }

  /** Counts and lag only: an admin never sees another user's payloads. */
  stats(): ConnectionStats[] {
    return [...this.all].map((c) => ({
      id: c.id,
      route: c.subscription.route,
      topics: c.subscription.topics,
      connectedAt: c.connectedAt,
      pendingBytes: c.pendingBytes,
    }));
  }
}
