import { connect, type Socket } from 'node:net';

export interface RawFrame {
  event: string;
  data: string;
  id: string | undefined;
}

export interface RawStream {
  readonly frames: RawFrame[];
  readonly socket: Socket;
  /** Id of the last frame that had one: what a browser would send as Last-Event-ID. */
  lastId(): string;
  waitFor(predicate: (frames: RawFrame[]) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  closed(): Promise<void>;
}

/**
 * An SSE client on a raw TCP socket, for what EventSource cannot do: start paused (a client whose
 * socket fills up), read slowly, or stop after exactly N frames.
 */
export async function openRawStream(baseUrl: string, path: string, cookie: string, options: { lastEventId?: string; paused?: boolean; stopAfter?: number } = {}): Promise<RawStream> {
  const url = new URL(baseUrl);
  const socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const frames: RawFrame[] = [];
  let buffer = '';
  let headerDone = false;
  const done = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    if (!headerDone) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      buffer = buffer.slice(end + 4);
      headerDone = true;
    }
    let split: number;
    while ((split = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, split);
      buffer = buffer.slice(split + 2);
      const frame: RawFrame = { event: 'message', data: '', id: undefined };
      let hasField = false;
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) {
          frame.event = line.slice(7);
          hasField = true;
        } else if (line.startsWith('data: ')) {
          frame.data = line.slice(6);
          hasField = true;
        } else if (line.startsWith('id: ')) {
          frame.id = line.slice(4);
        }
      }
      if (hasField) frames.push(frame);
      if (options.stopAfter !== undefined && frames.length >= options.stopAfter) {
        socket.destroy();
        return;
      }
    }
  });
  const headers = [`GET ${path} HTTP/1.1`, `Host: ${url.host}`, `Cookie: ${cookie}`, ...(options.lastEventId ? [`Last-Event-ID: ${options.lastEventId}`] : [])];
  socket.write(`${headers.join('\r\n')}\r\n\r\n`);
  if (options.paused) socket.pause();
  return {
    frames,
    socket,
    lastId: () => frames.filter((f) => f.id !== undefined).at(-1)?.id ?? '',
    waitFor: async (predicate, timeoutMs = 15_000, what = 'frames') => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(frames)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; ${frames.length} frames, last ${JSON.stringify(frames.at(-1))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    closed: () => done,
  };
}

/** `seq` of each frame of a topic (optionally one symbol or owner's text marker). */
export function rawSeqs(frames: readonly RawFrame[], topic: string): number[] {
  return frames.filter((f) => f.event === topic).map((f) => (JSON.parse(f.data) as { data: { seq: number } }).data.seq);
}
