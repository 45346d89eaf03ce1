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

/**
 * Connections indexed by topic, so an event only visits the clients that follow its topic, and
 * counted per user and per session, so a script cannot open streams without end.
 */
export class SubscriberRegistry {
  private readonly byTopic = new Map<TopicName, Set<SseConnection>>();
  private readonly all = new Set<SseConnection>();
  private readonly perUser = new Map<string, number>();
  private readonly perSession = new Map<string, number>();

  add(connection: SseConnection): void {
    if (this.all.has(connection)) return;
    this.all.add(connection);
    bump(this.perUser, connection.owner.id, 1);
    bump(this.perSession, connection.owner.sessionId, 1);
    for (const topic of connection.subscription.topics) {
      let set = this.byTopic.get(topic);
      if (!set) this.byTopic.set(topic, (set = new Set()));
      set.add(connection);
    }
  }

  remove(connection: SseConnection): void {
    if (!this.all.delete(connection)) return;
    bump(this.perUser, connection.owner.id, -1);
    bump(this.perSession, connection.owner.sessionId, -1);
    for (const topic of connection.subscription.topics) this.byTopic.get(topic)?.delete(connection);
  }

  dispatch(event: IngestedEvent): void {
    const set = this.byTopic.get(event.topic);
    if (!set) return;
    for (const connection of set) if (connection.accepts(event)) connection.offer(event);
  }

  /** Open streams of one user, across sessions. */
  countForUser(userId: string): number {
    return this.perUser.get(userId) ?? 0;
  }

  /** Open streams of one session (one browser, every tab). */
  countForSession(sessionId: string): number {
    return this.perSession.get(sessionId) ?? 0;
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

function bump(counts: Map<string, number>, key: string, by: 1 | -1): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}
