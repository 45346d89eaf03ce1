/**
 * A reconnect-storm client process: holds thousands of SSE subscriptions that behave like a
 * browser's EventSource. Each keeps the last `id:` it saw and the server's `retry:`; when its
 * connection drops (the gateway restarts) it waits `retry:` ms and reconnects with
 * `Last-Event-ID`, and again after each refused attempt. Every event's `seq` goes into a ledger, so
 * a resume that skipped or repeated an event shows up as a gap or a duplicate of that subscription.
 * Driven by line-delimited JSON on stdin (storm-protocol.ts), answers on stdout.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { connect as tlsConnect } from 'node:tls';
import type { Target } from './load-protocol.js';
import { readSeq, SeqLedger } from './seq-ledger.js';
import { SseFrameParser } from './sse-frame-parser.js';
import type { StormCollectReply, StormCommand, StormConnectReply, StormStats } from './storm-protocol.js';

/** What a browser uses before the server said otherwise (Chromium's default reconnection time). */
const DEFAULT_RETRY_MS = 3000;
const CONTROL_EVENTS = new Set(['ready', 'reset', 'error']);
const now = (): number => performance.timeOrigin + performance.now();

let markAt = Number.POSITIVE_INFINITY;
let closing = false;
const all: StormSubscription[] = [];

class StormSubscription {
  private socket: Socket | undefined;
  private readonly parser = new SseFrameParser();
  readonly ledger = new SeqLedger();
  private head = '';
  private inBody = false;
  private lastEventId: string | undefined;
  retryMs = DEFAULT_RETRY_MS;
  /** Seq numbers count from the first `ready` on: what came before is the connect snapshot. */
  private counting = false;
  live = false;
  droppedAt: number | undefined;
  resumedAt: number | undefined;
  resets = 0;
  attempts = 0;
  refused = 0;
  badStatus = 0;
  private onFirstReady: ((error?: string) => void) | undefined;

  constructor(
    private readonly target: Target,
    private readonly request: (lastEventId: string | undefined) => string,
    private readonly localAddress: string,
  ) {}

  open(onFirstReady?: (error?: string) => void): void {
    if (onFirstReady) this.onFirstReady = onFirstReady;
    if (now() >= markAt) this.attempts++;
    this.head = '';
    this.inBody = false;
    this.live = false;
    this.parser.reset();
    const options = { host: this.target.host, port: this.target.port, localAddress: this.localAddress };
    const socket = this.target.tls
      ? tlsConnect({ ...options, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'], servername: 'localhost' })
      : netConnect({ ...options, noDelay: true });
    this.socket = socket;
    socket.setEncoding('latin1');
    let connected = false;
    socket.once(this.target.tls ? 'secureConnect' : 'connect', () => {
      connected = true;
      socket.write(this.request(this.lastEventId));
    });
    socket.on('data', (text: string) => this.onData(text));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (!connected && now() >= markAt) this.refused++;
      this.dropped(connected ? 'closed' : 'refused');
    });
  }

  private dropped(why: string): void {
    const wasLive = this.live;
    this.live = false;
    if (closing) return;
    if (this.onFirstReady) {
      // The first connection never opened: the connect phase reports it, nothing reconnects.
      const done = this.onFirstReady;
      this.onFirstReady = undefined;
      done(why);
      return;
    }
    if (wasLive && now() >= markAt && this.droppedAt === undefined) this.droppedAt = now();
    setTimeout(() => {
      if (!closing) this.open();
    }, this.retryMs).unref();
  }

  private onData(text: string): void {
    if (!this.inBody) {
      this.head += text;
      const end = this.head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = this.head.slice(0, this.head.indexOf('\r\n'));
      if (!/^HTTP\/1\.1 200 /.test(status)) {
        this.badStatus++;
        badStatusSample.add(`${status}: ${this.head.slice(end + 4, end + 160).trim()}`);
        this.socket?.destroy();
        return;
      }
      this.inBody = true;
      text = this.head.slice(end + 4);
      this.head = '';
    }
    for (const frame of this.parser.push(text)) {
      if (frame.retry !== undefined) this.retryMs = frame.retry;
      if (frame.id !== undefined) this.lastEventId = frame.id;
      if (frame.event === 'ready') {
        this.counting = true;
        this.live = true;
        if (this.droppedAt !== undefined && this.resumedAt === undefined) this.resumedAt = now();
        if (this.onFirstReady) {
          const done = this.onFirstReady;
          this.onFirstReady = undefined;
          done();
        }
      } else if (frame.event === 'reset') {
        this.resets++;
      } else if (this.counting && !CONTROL_EVENTS.has(frame.event)) {
        const seq = readSeq(frame.data);
        if (seq !== null) this.ledger.see(seq);
      }
    }
  }

  close(): void {
    this.socket?.destroy();
  }
}

const badStatusSample = new Set<string>();

function requestFor(target: Target, cookie: string | undefined): (lastEventId: string | undefined) => string {
  const fixed = Object.entries(cookie === undefined ? target.headers : { ...target.headers, Cookie: cookie })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const start = `GET ${target.path} HTTP/1.1\r\nHost: ${target.host}:${target.port}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n${fixed}`;
  return (lastEventId) => `${start}${lastEventId ? `Last-Event-ID: ${lastEventId}\r\n` : ''}\r\n`;
}

function connectMany(cmd: Extract<StormCommand, { cmd: 'connect' }>): Promise<StormConnectReply> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let next = 0;
    let pending = 0;
    let opened = 0;
    let failed = 0;
    let done = false;
    const errors: string[] = [];
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (pending > 0) errors.push(`${pending} still opening after ${cmd.timeoutMs} ms`);
      resolve({ opened, failed: failed + pending, errors: errors.slice(0, 5), ms: Math.round(performance.now() - t0) });
    };
    const timer = setTimeout(finish, cmd.timeoutMs);
    const launch = (): void => {
      while (!done && pending < cmd.concurrency && next < cmd.count) {
        const i = next++;
        const t = i % cmd.targets.length;
        const cookie = cmd.cookies.length > 0 ? cmd.cookies[i % cmd.cookies.length] : undefined;
        const sub = new StormSubscription(cmd.targets[t]!, requestFor(cmd.targets[t]!, cookie), cmd.sourceAddresses[i % cmd.sourceAddresses.length]!);
        pending++;
        sub.open((error) => {
          pending--;
          if (error === undefined) {
            opened++;
            all.push(sub);
          } else {
            failed++;
            if (errors.length < 5) errors.push(error);
          }
          if (opened + failed === cmd.count) finish();
          else launch();
        });
      }
    };
    if (cmd.count === 0) finish();
    else launch();
  });
}

function stats(): StormStats {
  let live = 0;
  let dropped = 0;
  let resumed = 0;
  let minLastSeq = Number.POSITIVE_INFINITY;
  for (const sub of all) {
    if (sub.live) live++;
    if (sub.droppedAt !== undefined) dropped++;
    if (sub.resumedAt !== undefined) resumed++;
    minLastSeq = Math.min(minLastSeq, sub.ledger.last);
  }
  return { subscriptions: all.length, live, dropped, resumed, minLastSeq: Number.isFinite(minLastSeq) ? minLastSeq : -1 };
}

function collect(total: number): StormCollectReply {
  const reply: StormCollectReply = {
    ...stats(),
    resumeMs: [],
    downMs: [],
    gaps: 0,
    duplicates: 0,
    clientsWithGaps: 0,
    clientsWithDuplicates: 0,
    maxGaps: 0,
    resets: 0,
    attempts: 0,
    refusedConnects: 0,
    badStatus: 0,
    badStatusSample: [...badStatusSample].slice(0, 5),
    received: 0,
    retryMs: { min: Number.POSITIVE_INFINITY, max: 0 },
  };
  for (const sub of all) {
    if (sub.resumedAt !== undefined && sub.droppedAt !== undefined) {
      reply.resumeMs.push(sub.resumedAt - markAt);
      reply.downMs.push(sub.resumedAt - sub.droppedAt);
    }
    const gaps = sub.ledger.gapsAtEnd(total);
    reply.gaps += gaps;
    reply.duplicates += sub.ledger.duplicates;
    if (gaps > 0) reply.clientsWithGaps++;
    if (sub.ledger.duplicates > 0) reply.clientsWithDuplicates++;
    reply.maxGaps = Math.max(reply.maxGaps, gaps);
    reply.resets += sub.resets;
    reply.attempts += sub.attempts;
    reply.refusedConnects += sub.refused;
    reply.badStatus += sub.badStatus;
    reply.received += sub.ledger.received;
    reply.retryMs.min = Math.min(reply.retryMs.min, sub.retryMs);
    reply.retryMs.max = Math.max(reply.retryMs.max, sub.retryMs);
  }
  if (!Number.isFinite(reply.retryMs.min)) reply.retryMs.min = 0;
  return reply;
}

async function handle(cmd: StormCommand): Promise<unknown> {
  switch (cmd.cmd) {
    case 'connect':
      return connectMany(cmd);
    case 'mark':
      markAt = cmd.at;
      return {};
    case 'stats':
      return stats();
    case 'collect':
      return collect(cmd.total);
    case 'close':
      closing = true;
      for (const sub of all) sub.close();
      all.length = 0;
      return {};
    case 'exit':
      setImmediate(() => process.exit(0));
      return {};
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  let cmd: StormCommand;
  try {
    cmd = JSON.parse(line) as StormCommand;
  } catch {
    return;
  }
  handle(cmd).then(
    (result) => process.stdout.write(`${JSON.stringify({ id: cmd.id, ok: true, result })}\n`),
    (error: unknown) => process.stdout.write(`${JSON.stringify({ id: cmd.id, ok: false, error: error instanceof Error ? error.message : String(error) })}\n`),
  );
});
// The orchestrator went away: do not linger holding thousands of sockets.
process.stdin.on('end', () => process.exit(0));
