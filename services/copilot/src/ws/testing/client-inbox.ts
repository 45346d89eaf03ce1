import type { RawData, WebSocket } from 'ws';

/**
 * Every message a client socket receives, from its first frame. ws emits 'open' and then, a tick
 * later, messages that came in the same packet as the 101; a listener added after awaiting 'open'
 * would miss them.
 */
export class ClientInbox {
  readonly messages: Array<Record<string, unknown>> = [];
  private waiters: Array<() => void> = [];
  private read = 0;

  constructor(socket: WebSocket) {
    socket.on('message', (data: RawData) => {
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : new TextDecoder().decode(data);
      this.messages.push(JSON.parse(text) as Record<string, unknown>);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** The next message not yet returned by `next`. */
  async next(): Promise<Record<string, unknown>> {
    while (this.read >= this.messages.length) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.messages[this.read++]!;
  }
}
