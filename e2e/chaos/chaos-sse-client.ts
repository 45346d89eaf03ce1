import { connect as connectH2, type ClientHttp2Session } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { SseFrameParser, type SseFrame } from './sse-frame-parser.js';

export interface ChaosSseClientOptions {
  name: string;
  baseUrl: string;
  /** e.g. `/sse/all?topics=mode,vexy,alerts` or `/sse/vexy`. */
  path: string;
  cookie: string;
  protocol: 'h1' | 'h2';
  onFrame(frame: SseFrame, at: number): void;
}

/** Used until the server announces its own `retry:` (the gateway sends one on every connect). */
const DEFAULT_RETRY_MS = 2000;

/**
 * An SSE client that behaves as a browser tab that never gives up: it follows the server's
 * `retry:` delay, sends Last-Event-ID on every reconnect, and — unlike a bare EventSource, which
 * stops for good on a 502 — keeps retrying a refused or failed connect too, as the workspace does.
 * Every refusal is counted by cause so the report can say what a reconnecting client met.
 */
export class ChaosSseClient {
  lastEventId = '';
  connects = 0;
  /** Cause (`502`, `ECONNRESET`, …) → how many reconnect attempts met it. */
  readonly refused = new Map<string, number>();
  private retryMs = DEFAULT_RETRY_MS;
  private readonly parser = new SseFrameParser();
  private stopped = false;
  private abort: (() => void) | undefined;
  private h2: ClientHttp2Session | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly options: ChaosSseClientOptions) {}

  get name(): string {
    return this.options.name;
  }

  start(): void {
    this.open();
  }

  /** Destroys the connection under the client, as a dropped Wi-Fi would; it reconnects by itself. */
  cut(): void {
    this.h2?.destroy();
    this.h2 = undefined;
    this.abort?.();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.cut();
  }

  private open(): void {
    if (this.stopped) return;
    this.parser.reset();
    const headers: Record<string, string> = { cookie: this.options.cookie, accept: 'text/event-stream', ...(this.lastEventId && { 'last-event-id': this.lastEventId }) };
    let ended = false;
    const end = (cause: string | undefined) => {
      if (ended) return;
      ended = true;
      this.abort = undefined;
      if (cause) this.refused.set(cause, (this.refused.get(cause) ?? 0) + 1);
      if (!this.stopped) this.timer = setTimeout(() => this.open(), this.retryMs);
    };
    const onStatus = (status: number): boolean => {
      if (status === 200) {
        this.connects += 1;
        return true;
      }
      end(String(status));
      return false;
    };
    const onData = (chunk: string) => {
      const at = Date.now();
      const parsed = this.parser.push(chunk);
      if (parsed.retryMs !== undefined) this.retryMs = parsed.retryMs;
      for (const frame of parsed.frames) {
        if (frame.id !== undefined) this.lastEventId = frame.id;
        this.options.onFrame(frame, at);
      }
    };
    if (this.options.protocol === 'h1') this.openH1(headers, onStatus, onData, end);
    else this.openH2(headers, onStatus, onData, end);
  }

  private openH1(headers: Record<string, string>, onStatus: (s: number) => boolean, onData: (c: string) => void, end: (cause: string | undefined) => void): void {
    const req = httpsRequest(new URL(this.options.path, this.options.baseUrl), { headers, rejectUnauthorized: false, agent: false });
    this.abort = () => req.destroy();
    req.on('response', (res) => {
      if (!onStatus(res.statusCode ?? 0)) {
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      res.on('data', onData);
      res.on('end', () => end(undefined));
      res.on('close', () => end(undefined));
      res.on('error', () => end(undefined));
    });
    req.on('error', (error: NodeJS.ErrnoException) => end(error.code ?? error.message));
    req.end();
  }

  private openH2(headers: Record<string, string>, onStatus: (s: number) => boolean, onData: (c: string) => void, end: (cause: string | undefined) => void): void {
    // One session per client, reopened after it dies, as a browser keeps one connection per origin.
    if (!this.h2 || this.h2.closed || this.h2.destroyed) {
      this.h2 = connectH2(this.options.baseUrl, { rejectUnauthorized: false });
      this.h2.on('error', () => undefined);
    }
    const session = this.h2;
    const stream = session.request({ ':path': this.options.path, ...headers });
    this.abort = () => stream.close();
    let live = false;
    stream.on('response', (h) => {
      live = onStatus(Number(h[':status']));
      if (!live) stream.resume();
    });
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      if (live) onData(chunk);
    });
    stream.on('error', (error: NodeJS.ErrnoException) => end(live ? undefined : (error.code ?? error.message)));
    stream.on('close', () => {
      // A stream that closes before any response is a failed connect (a session that died, GOAWAY).
      if (!live && stream.rstCode !== undefined) end(`h2-rst-${stream.rstCode}`);
      else end(undefined);
      // A dead session must not be reused for the next attempt.
      if (session.destroyed || session.closed) this.h2 = undefined;
    });
  }
}
