import { EventSource } from 'eventsource';
import { controlEventNames, topicNames } from '@marketswarm/shared/events';

export interface ReceivedEvent {
  event: string;
  data: Record<string, unknown>;
  lastEventId: string;
}

export interface TestStream {
  readonly received: ReceivedEvent[];
  readonly es: EventSource;
  /** Resolves once `predicate` holds for the events received so far. */
  waitFor(predicate: (events: ReceivedEvent[]) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  lastId(): string;
  close(): void;
}

const NAMES = [...topicNames, ...controlEventNames];

/**
 * A real `eventsource` client (the WHATWG implementation used in Node) carrying a session cookie.
 * It reconnects by itself with Last-Event-ID, exactly as a browser does.
 */
export function openStream(url: string, cookie: string, options: { lastEventId?: string } = {}): TestStream {
  const received: ReceivedEvent[] = [];
  const es = new EventSource(url, {
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        headers: {
          ...(init?.headers as Record<string, string>),
          cookie,
          ...(options.lastEventId && !(init?.headers as Record<string, string> | undefined)?.['Last-Event-ID'] ? { 'Last-Event-ID': options.lastEventId } : {}),
        },
      }),
  });
  for (const name of NAMES) {
    es.addEventListener(name, (e: MessageEvent) => {
      const data: unknown = e.data;
      if (typeof data !== 'string') return; // a connection error, not our `event: error`
      received.push({ event: name, data: JSON.parse(data) as Record<string, unknown>, lastEventId: e.lastEventId });
    });
  }
  return {
    received,
    es,
    waitFor: async (predicate, timeoutMs = 10_000, what = 'events') => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${received.length} events: ${JSON.stringify(received.slice(-3))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    lastId: () => received.filter((e) => e.lastEventId).at(-1)?.lastEventId ?? '',
    close: () => es.close(),
  };
}

/** The `seq` of every event of one topic, in arrival order. */
export function seqs(events: readonly ReceivedEvent[], topic: string, symbol?: string): number[] {
  return events
    .filter((e) => e.event === topic && (symbol === undefined || (e.data['data'] as { symbol?: string }).symbol === symbol))
    .map((e) => (e.data['data'] as { seq: number }).seq);
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
