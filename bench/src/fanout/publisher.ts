import { Agent, request } from 'node:http';
import type { Redis } from 'ioredis';
import { publishEvents } from '@marketswarm/shared/bus';
import type { TopicRoute } from '@marketswarm/shared/truth';
import type { BenchEnvelope, EventFactory } from './event-payload.js';

/** Sends a batch of events to a server, the way that server's producers would. */
export interface Sink {
  send(events: readonly BenchEnvelope[]): Promise<void>;
  close(): void;
}

/** Ours: appended to the topic's Redis stream exactly as a producer does (one pipelined MULTI per batch). */
export function redisSink(redis: Redis, route: TopicRoute): Sink {
  return {
    send: async (events) => {
      await publishEvents(redis, route, events);
    },
    close: () => undefined,
  };
}

/** nchan and the baseline: each event POSTed as its envelope JSON over keep-alive connections. */
export function httpSink(url: string): Sink {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const target = new URL(url);
  const post = (body: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => ((res.statusCode ?? 0) < 300 ? resolve() : reject(new Error(`POST ${url} answered ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return {
    send: async (events) => {
      await Promise.all(events.map((e) => post(JSON.stringify(e))));
    },
    close: () => agent.destroy(),
  };
}

export interface PublishResult {
  published: number;
  failed: number;
  firstError: string | undefined;
  startedAt: number;
  endedAt: number;
}

/**
 * Publishes `rate` events per second for `durationSec`, paced against the wall clock: every tick
 * sends the events that are due (one batch), each stamped with its publish time as it is made.
 */
export async function publishAtRate(sink: Sink, factory: EventFactory, rate: number, durationSec: number): Promise<PublishResult> {
  const total = Math.round(rate * durationSec);
  const tickMs = Math.max(1, Math.min(20, 1000 / rate / 2));
  const startedAt = performance.now();
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  let failed = 0;
  let firstError: string | undefined;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - startedAt) / 1000) * rate) + 1);
    if (due > sent) {
      const batch: BenchEnvelope[] = [];
      for (; sent < due; sent++) batch.push(factory.make(sent));
      const p: Promise<void> = sink
        .send(batch)
        .catch((error: unknown) => {
          failed += batch.length;
          firstError ??= error instanceof Error ? error.message : String(error);
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await new Promise((resolve) => setTimeout(resolve, tickMs));
  }
  await Promise.all(inFlight);
  return { published: total - failed, failed, firstError, startedAt, endedAt: performance.now() };
}
