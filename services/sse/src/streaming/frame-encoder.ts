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

const ID_PREFIX = 'id: ';

/**
 * A whole frame in one buffer: the shared body followed by this id line. One buffer is one write,
 * and on a socket one write is one system call (two writes of a body and its tail were two).
 * Ids are ASCII (see resume-cursor.ts), so latin1 writes them byte for byte.
 */
export function encodeFrame(body: Buffer, id: string): Buffer {
  const frame = Buffer.allocUnsafe(body.length + ID_PREFIX.length + id.length + 2);
  body.copy(frame, 0);
  let at = body.length;
  at += frame.write(ID_PREFIX, at, 'latin1');
  at += frame.write(id, at, 'latin1');
  frame[at] = 0x0a;
  frame[at + 1] = 0x0a;
  return frame;
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
