import type { ControlEventMap, ControlEventName } from '@marketswarm/shared/events';

/**
 * SSE framing (WHATWG): an event is `event:` + `data:` lines, then an `id:` line and a blank line.
 * The body (event + data) is encoded once per event and shared by every subscriber; only the short
 * `id:` tail is per connection, because it carries that connection's resume cursor.
 */
export function encodeEventBody(eventName: string, json: string): Buffer {
  // JSON.stringify never emits raw line breaks, so the payload is always exactly one data line.
  return Buffer.from(`event: ${eventName}\ndata: ${json}\n`);
}

export function encodeIdTail(id: string): Buffer {
  return Buffer.from(`id: ${id}\n\n`);
}

/**
 * Sent once on connect: how long the browser waits before reconnecting (jittered per connection).
 * A string on purpose: Node sends a response's headers and a first string body write as one.
 */
export function encodeRetry(ms: number): string {
  return `retry: ${Math.round(ms)}\n\n`;
}

export const KEEPALIVE_FRAME = Buffer.from(': keepalive\n\n');

/** A control event outside any topic (`reset`, `error`, `ready`): no id, so it never moves the cursor. */
export function encodeControl<K extends ControlEventName>(eventName: K, data: ControlEventMap[K]): Buffer {
  return Buffer.from(`event: ${eventName}\ndata: ${JSON.stringify(data)}\n\n`);
}
