import type { Logger } from '@marketswarm/shared/logger';
import type { UserDto } from '@marketswarm/shared/dto';
import { WS_CLOSE } from '@marketswarm/shared/dto';
import { WebSocket } from 'ws';
import { fitsSendBudget } from './send-budget.js';
import { TokenBucket } from './token-bucket.js';
import type { WsPeer } from './ws-channel.js';
import type { WsDropReason } from './ws-metrics.js';

export interface SocketPeerOptions {
  id: string;
  user: UserDto;
  /** The session the upgrade authenticated; the socket lives only as long as it does. */
  sessionId: string;
  path: string;
  socket: WebSocket;
  logger: Logger;
  /** Read per send, so a reloaded `ws.sendBufferBytes` applies to open sockets too. */
  sendBufferBytes: () => number;
  /** How long a close handshake may take before the socket is destroyed. */
  closeGraceMs: number;
  onDrop: (reason: WsDropReason) => void;
}

/**
 * One accepted socket: the bounded send path, the close-then-terminate sequence, the liveness flag
 * and a queue that runs the channel's calls for this peer one after the other.
 */
export class SocketPeer<Out> implements WsPeer<Out> {
  readonly id: string;
  readonly user: UserDto;
  readonly sessionId: string;
  readonly path: string;
  readonly logger: Logger;
  /** Resolves once the socket is closed (handshake done or destroyed). */
  readonly closed: Promise<void>;
  private alive = true;
  private closing = false;
  private terminateTimer: NodeJS.Timeout | undefined;
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;
  private readonly socket: WebSocket;
  /** The client's message allowance (`settings.ws.messagesPerSecond`, `messageBurst`). */
  readonly messageAllowance = new TokenBucket();

  constructor(private readonly options: SocketPeerOptions) {
    this.id = options.id;
    this.user = options.user;
    this.sessionId = options.sessionId;
    this.path = options.path;
    this.logger = options.logger;
    this.socket = options.socket;
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.socket.on('pong', () => (this.alive = true));
    void this.closed.then(() => {
      this.closing = true;
      clearTimeout(this.terminateTimer);
    });
  }

  get isClosing(): boolean {
    return this.closing || this.socket.readyState !== WebSocket.OPEN;
  }

  send(message: Out): boolean {
    return this.sendSerialized(JSON.stringify(message));
  }

  sendSerialized(frame: string): boolean {
    if (this.isClosing) return false;
    if (!fitsSendBudget(this.socket.bufferedAmount, Buffer.byteLength(frame), this.options.sendBufferBytes())) {
      this.logger.warn({ bufferedBytes: this.socket.bufferedAmount, budgetBytes: this.options.sendBufferBytes() }, 'websocket client too slow; closing it');
      this.drop('slow-consumer', WS_CLOSE.slowConsumer);
      return false;
    }
    this.socket.send(frame);
    return true;
  }

  /**
   * Starts the close handshake. The close frame queues behind whatever the client has not read
   * yet, so a client that stopped reading never answers it: the socket is destroyed after the
   * grace period rather than held (with its buffer) until TCP gives up.
   */
  close(close: { code: number; reason: string }): void {
    if (this.isClosing) return;
    this.closing = true;
    this.socket.close(close.code, close.reason);
    this.terminateTimer = setTimeout(() => this.socket.terminate(), this.options.closeGraceMs);
    this.terminateTimer.unref();
  }

  /** The server ends the socket itself: counted, then closed with `close` or, without one, destroyed. */
  drop(reason: WsDropReason, close?: { code: number; reason: string }): void {
    if (this.closing) return;
    this.options.onDrop(reason);
    if (close) {
      this.close(close);
    } else {
      this.terminate();
    }
  }

  /** No close frame: the peer is gone (its client sees 1006). */
  terminate(): void {
    this.closing = true;
    this.socket.terminate();
  }

  /**
   * One liveness round: false when the previous ping went unanswered (the caller drops the peer),
   * otherwise a new ping that the next round expects a pong for.
   */
  pingRound(): boolean {
    if (!this.alive) return false;
    this.alive = false;
    this.socket.ping();
    return true;
  }

  /** Queues a channel call behind the previous ones for this peer; a failure goes to `onError`. */
  run(task: () => void | Promise<void>, onError: (error: unknown) => void): void {
    this.tail = this.tail.then(task).catch(onError);
  }

  /** Client messages received and not yet handled, the one running included. */
  get queuedMessages(): number {
    return this.queued;
  }

  /**
   * Queues the handling of one client message, counted in `queuedMessages` until it is done. Once
   * the socket is closing, what is still queued is not handled: nobody is left to answer, and a
   * socket closed for flooding must not have its backlog served.
   */
  runMessage(task: () => void | Promise<void>, onError: (error: unknown) => void): void {
    this.queued++;
    this.run(async () => {
      try {
        if (!this.isClosing) await task();
      } finally {
        this.queued--;
      }
    }, onError);
  }
}
