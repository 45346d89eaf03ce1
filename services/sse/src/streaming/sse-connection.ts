import type { ServerResponse } from 'node:http';
import { topicSpecs, type ControlEventMap, type ControlEventName, type StreamEndReason, type TopicName } from '@marketswarm/shared/events';
import { encodeControl, encodeFrame, encodeIdTail } from './frame-encoder.js';
import type { GatewayMetrics } from './gateway-metrics.js';
import type { IngestedEvent } from './ingested-event.js';
import { isSealed, type CursorCodec, type ResumeCursor } from './resume-cursor.js';
import { compareStreamIds, type StreamId } from '@marketswarm/shared/events';
import type { Subscription } from './subscription.js';

/**
 * Where event bytes go once the response headers are out. The gateway passes the response's
 * socket: the body of an SSE response is plain bytes (no chunked framing), so writing it there
 * skips ServerResponse's per-write bookkeeping, and corking it batches the writes of a connect.
 */
export interface Wire {
  write(chunk: Buffer): boolean;
  readonly writableLength: number;
  on(event: 'drain', listener: () => void): unknown;
  cork?(): void;
  uncork?(): void;
}

export interface ConnectionOptions {
  /** Most bytes a connection may hold (socket buffer + queued events) before it is cut. */
  byteBudget: number;
  /** Defaults to the response itself. */
  wire?: Wire;
  codec: CursorCodec;
  metrics: GatewayMetrics;
  onClose(connection: SseConnection): void;
}

export type DisconnectReason = StreamEndReason;

let nextId = 1;
const DESTROY_AFTER_MS = 30_000;
/** Cursor states one event keeps a shared frame for; connections in other states encode their own. */
const MAX_SHARED_FRAMES = 32;
/** Largest body copied into a connection's own frame: past it two writes cost less than the copy. */
const OWN_FRAME_COPY_LIMIT = 16 * 1024;

/**
 * One client. Delivery rules, in order:
 * 1. an event at or before the cursor for its topic is dropped (exactly-once across replay and live);
 * 2. while the socket accepts writes, the shared frame is written with this client's id tail;
 * 3. once a write reports back-pressure, events queue in arrival order; a market tick replaces the
 *    queued tick of the same symbol (conflation), nothing else is dropped;
 * 4. when socket buffer + queue exceed the byte budget, the client gets `event: error` and is cut;
 *    its last id lets it resume where it stopped.
 */
export class SseConnection {
  readonly id = nextId++;
  readonly cursor: ResumeCursor;
  readonly connectedAt = Date.now();
  /** Event bytes written so far (frames and id lines); catch-up measures its budget with it. */
  bytesWritten = 0;
  private replaying = true;
  // Allocated only when needed: most connections never lag, and an idle connection should cost
  // as little memory as possible (tens of thousands stay open all day).
  private buffered: IngestedEvent[] | undefined;
  private bufferedBytes = 0;
  private queue: Map<string, IngestedEvent> | undefined;
  private queuedBytes = 0;
  private queueSeq = 0;
  private lagging = false;
  private closed = false;
  private readonly singleTopic: boolean;
  /**
   * A connection following a user topic carries a sealed position in every id once catch-up is
   * done (each seal is fresh), so its ids are its own: nothing to share with other connections.
   */
  private readonly ownIds: boolean;
  private drainWaiters: (() => void)[] | undefined;
  private destroyTimer: NodeJS.Timeout | undefined;
  private readonly wire: Wire;
  private held = false;

  constructor(
    private readonly res: ServerResponse,
    readonly owner: { id: string; sessionId: string },
    readonly subscription: Subscription,
    cursor: ResumeCursor | null,
    private readonly options: ConnectionOptions,
  ) {
    this.cursor = cursor ?? options.codec.cursor();
    this.cursor.restrictTo(subscription.topics);
    this.singleTopic = subscription.topics.length === 1;
    this.ownIds = subscription.topics.some(isSealed);
    this.wire = options.wire ?? res;
    this.wire.on('drain', () => this.flush());
    res.on('close', () => {
      clearTimeout(this.destroyTimer);
      this.finish();
    });
  }

  get isLagging(): boolean {
    return this.lagging;
  }

  /**
   * Resolves once everything queued was written (or the client left). Catch-up waits on it, so the
   * queue is always empty while replay moves the cursor: a frame's id never covers an event that
   * is still waiting, and a backlog larger than the budget streams at the client's pace.
   */
  drained(): Promise<void> {
    if (!this.lagging || this.closed) return Promise.resolve();
    return new Promise((resolve) => (this.drainWaiters ??= []).push(resolve));
  }

  /**
   * Holds writes back (cork) until catch-up is done, so a connect's headers, `retry:`, snapshot
   * and `ready` leave in one write instead of one each. Released early when a write reports
   * back-pressure: a corked socket never drains, and catch-up waits for the drain.
   */
  hold(): void {
    if (this.held || this.closed) return;
    this.held = true;
    this.wire.cork?.();
  }

  private release(): void {
    if (!this.held) return;
    this.held = false;
    this.wire.uncork?.();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Bytes waiting for this client: what the socket holds plus what is queued here. */
  get pendingBytes(): number {
    return this.wire.writableLength + this.queuedBytes + this.bufferedBytes;
  }

  /** The routing test: topic, owner and symbol. */
  accepts(event: IngestedEvent): boolean {
    if (!this.subscription.topics.includes(event.topic)) return false;
    if (event.user !== undefined || topicSpecs[event.topic].scope === 'user') {
      if (event.user !== this.owner.id) return false;
    }
    return this.subscription.symbol === undefined || event.symbol === this.subscription.symbol;
  }

  /** A live event from the reader; held back while catch-up runs so ordering stays exact. */
  offer(event: IngestedEvent): void {
    if (this.closed) return;
    if (this.replaying) {
      (this.buffered ??= []).push(event);
      this.bufferedBytes += event.body.length;
      if (this.bufferedBytes > this.options.byteBudget) this.disconnect('slow-consumer');
      return;
    }
    this.deliver(event);
  }

  /** Catch-up is done: deliver what arrived meanwhile (the cursor drops what replay already sent). */
  goLive(): void {
    this.release();
    this.replaying = false;
    const held = this.buffered ?? [];
    this.buffered = undefined;
    this.bufferedBytes = 0;
    for (const event of held) this.deliver(event);
  }

  deliver(event: IngestedEvent): void {
    if (this.closed || !this.cursor.isNew(event.topic, event.id)) return;
    if (this.lagging) {
      this.enqueue(event);
      return;
    }
    this.write(event);
  }

  /**
   * One state entry of a snapshot. Only the last one moves the cursor to the snapshot's position:
   * a client cut off half-way resumes without this topic and gets the whole snapshot again.
   */
  writeSnapshotEntry(topic: TopicName, body: Buffer, at: StreamId, last: boolean): void {
    if (this.closed) return;
    if (last) this.advance(topic, at);
    const bytes = this.sendOwn(body, this.cursor.toString());
    this.bytesWritten += bytes;
    this.options.metrics.tally.count(topic, bytes);
  }

  /** Forgets the client's position in a topic (after a reset). */
  forget(topic: TopicName): void {
    this.cursor.delete(topic);
  }

  /** Moves the cursor without sending anything (a topic with nothing to replay). */
  advance(topic: TopicName, at: StreamId): void {
    const current = this.cursor.get(topic);
    if (!current || compareStreamIds(at, current) > 0) this.cursor.set(topic, at);
  }

  /** A control event (`reset`, `ready`…); `withId` stamps the full cursor so Last-Event-ID covers every topic. */
  control<K extends ControlEventName>(eventName: K, data: ControlEventMap[K], withId = false): void {
    if (this.closed) return;
    const frame = encodeControl(eventName, data);
    if (!withId) {
      this.wire.write(frame);
      return;
    }
    // `id:` must precede the blank line that ends the event.
    this.wire.write(Buffer.concat([frame.subarray(0, frame.length - 1), encodeIdTail(this.cursor.toString())]));
  }

  /** Comment frame that keeps proxies from timing the stream out; skipped while the client lags. */
  keepalive(frame: Buffer): void {
    if (!this.closed && !this.lagging) this.wire.write(frame);
  }

  /**
   * One write per event. One-topic connections share one complete frame per event; other
   * connections share one frame per cursor state (memoised on the event); a connection following a
   * user topic has ids of its own, so its frame is its own too.
   */
  write(event: IngestedEvent): void {
    let bytes: number;
    if (this.singleTopic) {
      this.advance(event.topic, event.id);
      bytes = this.send((event.singleTopicFrame ??= encodeFrame(event.body, this.options.codec.segment(event.topic, event.id))));
    } else if (this.ownIds) {
      this.advance(event.topic, event.id);
      bytes = this.sendOwn(event.body, this.cursor.toString());
    } else {
      const frames = (event.frames ??= new Map<string, { frame: Buffer; next: string }>());
      const prior = this.cursor.toString();
      const hit = frames.get(prior);
      if (hit) {
        this.cursor.setEncoded(event.topic, event.id, hit.next);
        bytes = this.send(hit.frame);
      } else {
        this.advance(event.topic, event.id);
        const next = this.cursor.toString();
        // Replayed events are held by StoredEntries and would keep these frames as long: only
        // live events share them, and for a bounded number of cursor states.
        if (!this.replaying && frames.size < MAX_SHARED_FRAMES) {
          const shared = { frame: encodeFrame(event.body, next), next };
          frames.set(prior, shared);
          bytes = this.send(shared.frame);
        } else {
          bytes = this.sendOwn(event.body, next);
        }
      }
    }
    this.bytesWritten += bytes;
    this.options.metrics.tally.count(event.topic, bytes);
  }

  /** Writes a frame; a full socket marks the connection lagging. Returns its size. */
  private send(frame: Buffer): number {
    if (!this.wire.write(frame)) this.setLagging(true);
    return frame.length;
  }

  /**
   * A frame no other connection shares. A small body is copied into one buffer with its id line
   * (one write); a large one, such as a heatmap diff, is written as it is and then its id line, so
   * the shared body is never copied per connection.
   */
  private sendOwn(body: Buffer, id: string): number {
    if (body.length <= OWN_FRAME_COPY_LIMIT) return this.send(encodeFrame(body, id));
    this.wire.write(body);
    return body.length + this.send(encodeIdTail(id));
  }

  private enqueue(event: IngestedEvent): void {
    const queue = (this.queue ??= new Map<string, IngestedEvent>());
    if (event.conflateKey !== undefined) {
      const older = queue.get(event.conflateKey);
      if (older) {
        // Delete then set moves the key to the end: per topic, the queue stays in id order.
        queue.delete(event.conflateKey);
        this.queuedBytes -= older.body.length;
        this.options.metrics.conflated.inc({ topic: event.topic });
      }
      queue.set(event.conflateKey, event);
    } else {
      queue.set(`#${this.queueSeq++}`, event);
    }
    this.queuedBytes += event.body.length;
    if (this.pendingBytes > this.options.byteBudget) this.disconnect('slow-consumer');
  }

  private setLagging(lagging: boolean): void {
    if (lagging === this.lagging) return;
    if (lagging) this.release();
    this.lagging = lagging;
    if (lagging) this.options.metrics.lagging.inc();
    else this.options.metrics.lagging.dec();
  }

  private flush(): void {
    this.setLagging(false);
    const queue = this.queue;
    if (!queue) {
      this.wakeDrainWaiters();
      return;
    }
    for (const [key, event] of queue) {
      queue.delete(key);
      this.queuedBytes -= event.body.length;
      this.write(event);
      if (this.lagging || this.closed) return;
    }
    this.queue = undefined;
    this.wakeDrainWaiters();
  }

  private wakeDrainWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = undefined;
    for (const resolve of waiters ?? []) resolve();
  }

  disconnect(reason: DisconnectReason): void {
    if (this.closed) return;
    const message =
      reason === 'slow-consumer'
        ? `this connection fell more than ${this.options.byteBudget} bytes behind; reconnect with Last-Event-ID to resume`
        : reason === 'shutdown'
          ? 'the gateway is restarting; reconnect to resume'
          : 'signed out';
    // A corked socket would hold the reason, and the end, forever.
    this.release();
    this.res.write(encodeControl('error', { reason, message }));
    this.options.metrics.disconnected.inc({ reason });
    // Close the TCP connection too (no keep-alive reuse): the reason is the last thing sent.
    // The response detaches from its socket on finish, so hold on to the socket now.
    const socket = this.res.socket;
    this.res.once('finish', () => socket?.end());
    this.res.end();
    // A stalled client may still read the reason later; its memory is bounded by the budget, but
    // one that never reads must not hold it forever.
    this.destroyTimer = setTimeout(() => this.res.destroy(), DESTROY_AFTER_MS);
    this.destroyTimer.unref();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.release();
    this.setLagging(false);
    this.closed = true;
    this.wakeDrainWaiters();
    this.queue = undefined;
    this.queuedBytes = 0;
    this.buffered = undefined;
    this.bufferedBytes = 0;
    this.options.onClose(this);
  }
}
