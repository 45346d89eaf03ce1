/** One dispatched SSE event, as EventSource would hand it over. */
export interface SseFrame {
  event: string;
  data: string;
  /** The `id:` of this frame, when it had one. */
  id: string | undefined;
}

export interface SseParseResult {
  frames: SseFrame[];
  /** A `retry:` the server announced in this chunk (the reconnect delay a browser would use). */
  retryMs: number | undefined;
}

/**
 * An incremental WHATWG event-stream parser: chunks arrive split anywhere (TLS records, HTTP/2
 * DATA frames), so it keeps the unfinished line and the fields of the event being built. Comments
 * (keepalives) are skipped; an event with no data is not dispatched, as in a browser.
 */
export class SseFrameParser {
  private pending = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  push(chunk: string): SseParseResult {
    const result: SseParseResult = { frames: [], retryMs: undefined };
    this.pending += chunk;
    let newline: number;
    while ((newline = this.pending.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.pending.slice(0, newline);
      // A lone \r at the very end may be the first half of \r\n: wait for the next chunk.
      if (this.pending[newline] === '\r' && newline === this.pending.length - 1) break;
      this.pending = this.pending.slice(newline + (this.pending.startsWith('\r\n', newline) ? 2 : 1));
      this.line(line, result);
    }
    return result;
  }

  /** Forgets a half-received event: a new connection starts a new stream. */
  reset(): void {
    this.pending = '';
    this.event = '';
    this.data = [];
    this.id = undefined;
  }

  private line(line: string, result: SseParseResult): void {
    if (line === '') {
      if (this.data.length > 0) result.frames.push({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
      this.event = '';
      this.data = [];
      this.id = undefined;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) result.retryMs = Number(value);
  }
}
