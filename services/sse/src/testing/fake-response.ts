import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';

/**
 * A stand-in for the ServerResponse an SseConnection writes to, for unit specs of the streaming
 * core: it records every write, reports back-pressure once `capacity` bytes are held (as a socket
 * whose kernel buffer is full does), and drains on demand.
 */
export class FakeResponse extends EventEmitter {
  readonly chunks: Buffer[] = [];
  /** Bytes written but not yet "sent" (what a full socket holds). */
  writableLength = 0;
  ended = false;
  destroyed = false;
  readonly socket = { end: () => undefined };

  constructor(private readonly capacity = Number.POSITIVE_INFINITY) {
    super();
  }

  write(chunk: Buffer | string): boolean {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.chunks.push(buffer);
    this.writableLength += buffer.length;
    return this.writableLength < this.capacity;
  }

  end(): this {
    this.ended = true;
    queueMicrotask(() => this.emit('finish'));
    return this;
  }

  destroy(): this {
    this.destroyed = true;
    this.emit('close');
    return this;
  }

  /** The client read everything held so far: Node emits 'drain'. */
  drain(): void {
    this.writableLength = 0;
    this.emit('drain');
  }

  /** The client went away. */
  hangUp(): void {
    this.emit('close');
  }

  get text(): string {
    return Buffer.concat(this.chunks).toString();
  }

  /** The frames written so far, parsed: event name, data, and the id line if any. */
  frames(): { event: string; data: string; id: string | undefined }[] {
    return this.text
      .split('\n\n')
      .filter((block) => block.startsWith('event: '))
      .map((block) => {
        const lines = block.split('\n');
        const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        return { event: field('event') ?? '', data: field('data') ?? '', id: field('id') };
      });
  }

  asResponse(): ServerResponse {
    return this as unknown as ServerResponse;
  }
}
