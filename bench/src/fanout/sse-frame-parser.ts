/**
 * The client side of SSE framing (WHATWG), as much of it as the storm's clients need: fed text in
 * whatever pieces the socket hands over, it yields each complete event's `event`, `data`, `id`
 * and `retry` fields. Comments (keepalives) and blank events are skipped. Only `\n` line ends:
 * the gateway never sends `\r`.
 */
export interface SseFrame {
  event: string;
  data: string;
  /** The `id:` of this event, when it had one. */
  id: string | undefined;
  /** A `retry:` that came with this event (the gateway sends it alone, on connect). */
  retry: number | undefined;
}

export class SseFrameParser {
  private carry = '';

  /** Every event completed by `text` (text may end mid-event: the rest waits for the next call). */
  push(text: string): SseFrame[] {
    const s = this.carry.length > 0 ? this.carry + text : text;
    const frames: SseFrame[] = [];
    let from = 0;
    for (let end = s.indexOf('\n\n', from); end !== -1; end = s.indexOf('\n\n', from)) {
      const frame = parseBlock(s, from, end);
      if (frame) frames.push(frame);
      from = end + 2;
    }
    this.carry = from === 0 ? s : s.slice(from);
    return frames;
  }

  /** A new connection starts with nothing carried over. */
  reset(): void {
    this.carry = '';
  }

  /** Text received but not yet part of a complete event (a cut-off connection's last bytes). */
  get pending(): number {
    return this.carry.length;
  }
}

function parseBlock(s: string, from: number, end: number): SseFrame | null {
  let event = 'message';
  let data: string | undefined;
  let id: string | undefined;
  let retry: number | undefined;
  let any = false;
  for (let at = from; at < end; ) {
    let eol = s.indexOf('\n', at);
    if (eol === -1 || eol > end) eol = end;
    if (s.charCodeAt(at) !== 58 /* ':' comment */) {
      const colon = s.indexOf(':', at);
      const name = colon === -1 || colon > eol ? s.slice(at, eol) : s.slice(at, colon);
      let value = colon === -1 || colon > eol ? '' : s.slice(colon + 1, eol);
      if (value.charCodeAt(0) === 32) value = value.slice(1);
      switch (name) {
        case 'event':
          event = value;
          any = true;
          break;
        case 'data':
          data = data === undefined ? value : `${data}\n${value}`;
          any = true;
          break;
        case 'id':
          id = value;
          any = true;
          break;
        case 'retry':
          if (/^\d+$/.test(value)) retry = Number(value);
          any = true;
          break;
      }
    }
    at = eol + 1;
  }
  return any ? { event, data: data ?? '', id, retry } : null;
}
