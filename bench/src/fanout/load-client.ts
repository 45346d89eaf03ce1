/**
 * A load-generator process: holds thousands of SSE subscriptions on raw `net` sockets and counts
 * what they receive. Driven by line-delimited JSON commands on stdin, answers on stdout.
 *
 * Kept deliberately cheap so it is not the bottleneck: one shared read buffer for every socket
 * (`onread`, no Buffer per read), events counted with `Buffer.indexOf('data: ')` (a match split
 * across two reads is tracked with a few byte compares), and timestamps parsed only on a sample of
 * connections.
 */
import { connect, type Socket } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { connect as tlsConnect } from 'node:tls';
import { TIMESTAMP_KEY } from './event-payload.js';
import type { CollectReply, ConnectReply, LoadCommand, LoadReply, ReadyOn, StatsReply, Target } from './load-protocol.js';

const DATA = Buffer.from('data: ');
const HEAD_END = '\r\n\r\n';
const READY_EVENT = 'event: ready\n';
const sharedReadBuffer = Buffer.allocUnsafe(256 * 1024);

let latencies: number[] = [];
let lost = 0;
let bytesReceived = 0;
let closing = false;
const subscriptions = new Set<Subscription>();
/** The histogram records whole timer intervals: subtract the resolution to get the delay. */
const LOOP_RESOLUTION_MS = 5;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });

interface SubscriptionEvents {
  opened(): void;
  failed(reason: string): void;
}

function isNumberChar(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 46 || code === 45 || code === 101 || code === 43; // 0-9 . - e +
}

class Subscription {
  readonly socket: Socket;
  delivered = 0;
  private state: 'head' | 'pre-live' | 'live' = 'head';
  private pre = '';
  /** How many bytes of `data: ` the previous read ended with. */
  private partial = 0;
  private timestampCarry = '';
  private settled = false;

  constructor(
    target: Target,
    localAddress: string | undefined,
    request: string,
    private readonly readyOn: ReadyOn,
    readonly sampled: boolean,
    private readonly events: SubscriptionEvents,
  ) {
    if (target.tls) {
      // TLS: the record layer hands over its own buffers, so no shared read buffer here.
      this.socket = tlsConnect({ host: target.host, port: target.port, ...(localAddress ? { localAddress } : {}), rejectUnauthorized: false, ALPNProtocols: ['http/1.1'], servername: 'localhost' });
      this.socket.setNoDelay(true);
      this.socket.on('data', (chunk: Buffer) => this.onRead(chunk, chunk.length));
    } else {
      this.socket = connect({
        host: target.host,
        port: target.port,
        ...(localAddress ? { localAddress } : {}),
        noDelay: true,
        onread: {
          buffer: sharedReadBuffer,
          callback: (n: number, buf: Uint8Array) => {
            this.onRead(buf as Buffer, n);
            return true;
          },
        },
      });
    }
    this.socket.once(target.tls ? 'secureConnect' : 'connect', () => this.socket.write(request));
    this.socket.on('error', (error) => this.fail(error.message));
    this.socket.on('close', () => {
      subscriptions.delete(this);
      if (!this.settled) this.fail('closed before the stream opened');
      else if (!closing) lost++;
    });
  }

  get isLive(): boolean {
    return this.state === 'live';
  }

  private fail(reason: string): void {
    if (this.settled) return;
    this.settled = true;
    this.socket.destroy();
    this.events.failed(reason);
  }

  private open(): void {
    this.settled = true;
    this.state = 'live';
    subscriptions.add(this);
    this.events.opened();
  }

  private onRead(buf: Buffer, n: number): void {
    if (this.state === 'live') {
      this.onLive(buf, n);
      return;
    }
    this.pre += buf.toString('latin1', 0, n);
    if (this.state === 'head') {
      const end = this.pre.indexOf(HEAD_END);
      if (end < 0) {
        if (this.pre.length > 16_384) this.fail('response head too long');
        return;
      }
      const statusLine = this.pre.slice(0, this.pre.indexOf('\r\n'));
      if (!/^HTTP\/1\.1 200 /.test(statusLine)) {
        this.fail(`${statusLine}: ${this.pre.slice(end + 4, end + 200).trim()}`);
        return;
      }
      this.pre = this.pre.slice(end + HEAD_END.length);
      this.state = 'pre-live';
    }
    let rest: string;
    if (this.readyOn === 'headers') {
      rest = this.pre;
    } else {
      // Before `ready` the gateway may send a snapshot; only what follows `ready` is counted.
      const ready = this.pre.indexOf(READY_EVENT);
      const end = ready < 0 ? -1 : this.pre.indexOf('\n\n', ready);
      if (end < 0) {
        if (this.pre.length > 4 * 1024 * 1024) this.fail('no ready event within 4 MiB');
        return;
      }
      rest = this.pre.slice(end + 2);
    }
    this.pre = '';
    this.open();
    if (rest.length > 0) {
      const bytes = Buffer.from(rest, 'latin1');
      this.onLive(bytes, bytes.length);
    }
  }

  private onLive(buf: Buffer, n: number): void {
    bytesReceived += n;
    let count = 0;
    let start = 0;
    if (this.partial > 0) {
      let k = this.partial;
      let i = 0;
      while (k < DATA.length && i < n && buf[i] === DATA[k]) {
        k++;
        i++;
      }
      if (k === DATA.length) {
        count++;
        start = i;
      } else if (i === n) {
        this.partial = k;
        this.delivered += count;
        return;
      }
    }
    this.partial = 0;
    const chunk = n === buf.length ? buf : buf.subarray(0, n);
    for (let at = chunk.indexOf(DATA, start); at !== -1; at = chunk.indexOf(DATA, at + DATA.length)) count++;
    // Does the read end with the beginning of `data: `?
    for (let k = Math.min(DATA.length - 1, n - start); k > 0; k--) {
      let match = true;
      for (let j = 0; j < k; j++) {
        if (chunk[n - k + j] !== DATA[j]) {
          match = false;
          break;
        }
      }
      if (match) {
        this.partial = k;
        break;
      }
    }
    this.delivered += count;
    if (this.sampled && count > 0) this.readTimestamps(chunk.toString('latin1', 0, n));
  }

  private readTimestamps(text: string): void {
    const now = performance.timeOrigin + performance.now();
    const s = this.timestampCarry + text;
    let pos = 0;
    for (;;) {
      const at = s.indexOf(TIMESTAMP_KEY, pos);
      if (at < 0) {
        this.timestampCarry = s.slice(Math.max(pos, s.length - (TIMESTAMP_KEY.length - 1)));
        return;
      }
      const from = at + TIMESTAMP_KEY.length;
      let to = from;
      while (to < s.length && isNumberChar(s.charCodeAt(to))) to++;
      if (to === s.length) {
        this.timestampCarry = s.slice(at);
        return;
      }
      const sent = Number(s.slice(from, to));
      if (Number.isFinite(sent)) latencies.push(now - sent);
      pos = to;
    }
  }
}

function requestFor(target: Target): string {
  const extra = Object.entries(target.headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return `GET ${target.path} HTTP/1.1\r\nHost: ${target.host}:${target.port}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n${extra}\r\n`;
}

function connectMany(cmd: Extract<LoadCommand, { cmd: 'connect' }>): Promise<ConnectReply> {
  const t0 = performance.now();
  const requests = cmd.targets.map(requestFor);
  const pending = new Set<Subscription>();
  return new Promise((resolve) => {
    let next = 0;
    let opened = 0;
    let failed = 0;
    let done = false;
    const errors: string[] = [];
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const sub of pending) sub.socket.destroy();
      failed += pending.size;
      if (pending.size > 0 && errors.length < 5) errors.push(`${pending.size} still opening after ${cmd.timeoutMs} ms`);
      resolve({ opened, failed, errors, ms: Math.round(performance.now() - t0) });
    };
    const timer = setTimeout(finish, cmd.timeoutMs);
    const launch = (): void => {
      while (!done && pending.size < cmd.concurrency && next < cmd.count) {
        const i = next++;
        const targetIndex = i % cmd.targets.length;
        const sub: Subscription = new Subscription(cmd.targets[targetIndex]!, cmd.sourceAddresses[i % cmd.sourceAddresses.length], requests[targetIndex]!, cmd.readyOn, i % cmd.sampleEvery === 0, {
          opened: () => {
            pending.delete(sub);
            opened++;
            step();
          },
          failed: (reason) => {
            if (!pending.delete(sub)) return;
            failed++;
            if (errors.length < 5) errors.push(reason);
            step();
          },
        });
        pending.add(sub);
      }
    };
    const step = (): void => {
      if (done) return;
      if (opened + failed === cmd.count) finish();
      else launch();
    };
    if (cmd.count === 0) finish();
    else launch();
  });
}

function stats(): StatsReply {
  let delivered = 0;
  for (const sub of subscriptions) delivered += sub.delivered;
  return { delivered, open: subscriptions.size, lost };
}

function collect(expectedPerConnection: number): CollectReply {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  let short = 0;
  let sampled = 0;
  for (const sub of subscriptions) {
    min = Math.min(min, sub.delivered);
    max = Math.max(max, sub.delivered);
    if (sub.delivered < expectedPerConnection) short++;
    if (sub.sampled) sampled++;
  }
  return {
    ...stats(),
    perConnectionMin: Number.isFinite(min) ? min : 0,
    perConnectionMax: max,
    short,
    latenciesMs: latencies,
    sampledConnections: sampled,
    loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
    loopDelayMaxMs: Math.max(0, loopDelay.max / 1e6 - LOOP_RESOLUTION_MS),
    bytesReceived,
  };
}

function closeAll(): Promise<{ closed: number }> {
  closing = true;
  const all = [...subscriptions];
  return new Promise((resolve) => {
    let left = all.length;
    const done = (): void => {
      closing = false;
      lost = 0;
      resolve({ closed: all.length });
    };
    if (left === 0) return done();
    const timer = setTimeout(done, 5000);
    for (const sub of all) {
      sub.socket.once('close', () => {
        if (--left === 0) {
          clearTimeout(timer);
          done();
        }
      });
      sub.socket.destroy();
    }
  });
}

async function handle(cmd: LoadCommand): Promise<unknown> {
  switch (cmd.cmd) {
    case 'connect':
      return connectMany(cmd);
    case 'reset':
      for (const sub of subscriptions) sub.delivered = 0;
      latencies = [];
      lost = 0;
      bytesReceived = 0;
      loopDelay.disable();
      loopDelay.reset();
      loopDelay.enable();
      return {};
    case 'stats':
      return stats();
    case 'collect':
      loopDelay.disable();
      return collect(cmd.expectedPerConnection);
    case 'close':
      return closeAll();
    case 'exit':
      setImmediate(() => process.exit(0));
      return {};
  }
}

function reply(message: LoadReply): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

createInterface({ input: process.stdin }).on('line', (line) => {
  let cmd: LoadCommand;
  try {
    cmd = JSON.parse(line) as LoadCommand;
  } catch {
    return;
  }
  handle(cmd).then(
    (result) => reply({ id: cmd.id, ok: true, result }),
    (error: unknown) => reply({ id: cmd.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
// The orchestrator went away: do not linger holding thousands of sockets.
process.stdin.on('end', () => process.exit(0));
