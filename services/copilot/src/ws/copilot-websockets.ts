import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { SESSION_KEYS, type SessionUser } from '@marketswarm/shared/auth';
import { WS_CLOSE } from '@marketswarm/shared/dto';
import { authenticateRequest, renewedSessionCookies, type SessionCheckOptions } from '@marketswarm/shared/edge';
import { DomainError, errorAnswer, errorAnswerBody, INTERNAL_ERROR_ANSWER, requestIdFrom, type ErrorAnswer } from '@marketswarm/shared/http';
import type { Logger } from '@marketswarm/shared/logger';
import { SERVICE_CONTEXT, sessionCheckOptionsOf } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import { copilotSettings, type CopilotSettings } from '@marketswarm/shared/truth';
import { parseClientMessage, type WsErrorMessage } from './client-message.js';
import { refuseHandshake } from './handshake-refusal.js';
import { originVerdict } from './origin-policy.js';
import type { WsChannel } from './ws-channel.js';
import { wsMetrics, type WsDropReason, type WsMetrics } from './ws-metrics.js';
import { UserSocketSlots } from './user-socket-slots.js';
import { SocketPeer } from './ws-peer.js';

/** A close handshake that has not finished by then is cut: the client stopped reading. */
export const WS_CLOSE_GRACE_MS = 5000;
/** On shutdown, sockets get this long to answer 1001 before they are destroyed. */
const SHUTDOWN_GRACE_MS = 1000;
/** A user at the socket cap is told to retry after this long: about a close handshake. */
const SOCKET_CAP_RETRY_AFTER_SEC = 5;

type AnyChannel = WsChannel<unknown, unknown, unknown>;

/** The clock the message allowance refills by (milliseconds, any origin); specs inject a fixed one. */
export const WS_CLOCK = Symbol('WS_CLOCK');
export type WsClock = () => number;

/**
 * The copilot's WebSocket server: `/ws/mel` and `/ws/commentary` (and any `WsChannel`) on Nest's
 * own HTTP server, through one `ws` server in `noServer` mode.
 *
 * An upgrade is refused with a plain HTTP answer (the shared JSON error body, `X-Request-Id`) and
 * no socket is ever created: 404 unknown path, 401 no live session (the `ms_session` cookie checked
 * against system Redis like every REST route), 403 an `Origin` that is neither the page's host nor
 * in `settings.ws.allowedOrigins` (cross-site WebSocket hijacking), 400 a query the channel refuses,
 * 429 (with `Retry-After`) when the user already holds `settings.ws.maxSocketsPerUser` sockets on
 * either path, 503 while shutting down. The cap refuses the newcomer rather than closing the
 * oldest socket: closing one would make two tabs over the cap knock each other off in a loop of
 * reconnects, while a refusal leaves the open ones alone and tells the new one why. A socket holds
 * its slot until its TCP connection closes, so a page reload waits at most one close handshake.
 *
 * Close codes a client sees (`WS_CLOSE` in @marketswarm/shared/dto):
 *
 * | code | reason            | when                                                                 |
 * |------|-------------------|----------------------------------------------------------------------|
 * | 1001 | going-away        | the copilot is shutting down: reconnect with backoff                  |
 * | 1006 | (none)            | no pong since the previous ping (`settings.ws.pingIntervalMs`): the socket is terminated without a close frame (WS_PING_TIMEOUT_CLOSE_CODE); also any lost connection |
 * | 1009 | (none)            | a client message over `settings.ws.maxPayloadBytes`: ws closes it itself, before any handler hears of it, and sends no reason |
 * | 1008 | too-many-messages | the client sent messages faster than `settings.ws.messagesPerSecond` beyond a burst of `messageBurst`, or had more than `maxQueuedMessages` received and not yet handled; what it had queued is not handled |
 * | 1011 | internal-error    | the channel failed to open the socket                                 |
 * | 4001 | session-ended     | the session was signed out (at once) or expired (at the next ping round) |
 * | 4008 | slow-consumer     | the client's send buffer went over `settings.ws.sendBufferBytes`; destroyed if it has not read the close frame within 5 s |
 *
 * A client message that is not JSON or not in the channel's map (or a binary frame) closes nothing:
 * the answer is `{ type: 'error', message, path }` naming the field.
 */
@Injectable()
export class CopilotWebSockets implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly channels = new Map<string, AnyChannel>();
  private readonly peers = new Set<SocketPeer<unknown>>();
  private readonly slots = new UserSocketSlots();
  private readonly wss: WebSocketServer;
  private readonly logger: Logger;
  private readonly metrics: WsMetrics;
  private readonly settings: CopilotSettings;
  private readonly sessionCheck: SessionCheckOptions;
  /** Session cookies to re-issue on the 101 of an upgrade whose check slid the session. */
  private readonly renewedCookies = new WeakMap<IncomingMessage, string[]>();
  private server: Server | undefined;
  private subscriber: Redis | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    @Inject(SERVICE_CONTEXT) private readonly ctx: ServiceContext,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Optional() @Inject(WS_CLOCK) private readonly clock: WsClock = () => performance.now(),
  ) {
    this.logger = ctx.logger.child({ component: 'ws' });
    this.metrics = wsMetrics(ctx.metrics);
    this.settings = ctx.settings.of(copilotSettings).settings;
    this.sessionCheck = sessionCheckOptionsOf(ctx, copilotSettings);
    // No permessage-deflate: it hides the real queued bytes from bufferedAmount and invites zip bombs.
    // `settings` is the live object: `ws` limits are read where they apply, so a truth reload follows.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.settings.ws.maxPayloadBytes, clientTracking: false, perMessageDeflate: false });
    this.wss.on('headers', (headers: string[], req: IncomingMessage) => {
      for (const cookie of this.renewedCookies.get(req) ?? []) headers.push(`Set-Cookie: ${cookie}`);
    });
  }

  /** Adds a channel at its path; channel modules call it from `onModuleInit`. */
  register<In, Out, State>(channel: WsChannel<In, Out, State>): void {
    if (this.channels.has(channel.path)) throw new Error(`a WebSocket channel is already registered at ${channel.path}`);
    this.channels.set(channel.path, channel);
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.server = server;
    server.on('upgrade', this.onUpgrade);
    // Sign-out is announced at once on this channel; expiry is caught by the ping round's sweep.
    const subscriber = (this.subscriber = this.ctx.bus.dedicated('system', 'ws-session-ended'));
    subscriber.on('message', (_channel: string, sessionId: string) => this.endSession(sessionId));
    await subscriber.subscribe(SESSION_KEYS.endedChannel);
    this.schedulePing();
    this.logger.info({ paths: [...this.channels.keys()] }, 'websockets ready');
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.pingTimer);
    const peers = [...this.peers];
    for (const peer of peers) peer.close(WS_CLOSE.goingAway);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(peers.map((peer) => peer.closed)), new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
    clearTimeout(timer);
    for (const peer of this.peers) peer.terminate();
    this.server?.off('upgrade', this.onUpgrade);
    this.subscriber?.disconnect();
    this.wss.close();
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    // Until ws owns the socket (and on a refused one, to the end), a reset by the client must not become an uncaught 'error'.
    const swallow = (): void => undefined;
    socket.on('error', swallow);
    this.upgrade(req, socket, head, requestId, () => socket.off('error', swallow)).catch((error: unknown) =>
      this.refuse(socket, errorAnswer(error) ?? this.unexpected(error, requestId), requestId, req),
    );
  };

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, requestId: string, upgraded: () => void): Promise<void> {
    if (this.stopping) throw new DomainError('unavailable', 'the copilot is shutting down; reconnect shortly', { retryAfterSec: 1 });
    const url = new URL(req.url ?? '/', 'http://copilot.invalid');
    const channel = this.channels.get(url.pathname);
    if (!channel) throw new DomainError('not-found', `no WebSocket at ${url.pathname}`, { issues: [{ path: '(path)', message: `must be one of ${[...this.channels.keys()].join(', ')}` }] });
    const auth = await authenticateRequest(req, this.sessionCheck);
    const verdict = originVerdict(
      { origin: req.headers.origin, host: req.headers.host, forwardedPort: isLoopback(req.socket.remoteAddress) ? header(req, 'x-forwarded-port') : undefined },
      this.settings.ws.allowedOrigins,
    );
    if (!verdict.allowed) throw new DomainError('forbidden', 'this origin may not open a WebSocket here', { issues: [{ path: 'Origin', message: verdict.reason }] });
    const state = channel.accept(url.searchParams, auth.user);
    // The client may have gone while the session was checked.
    if (socket.destroyed) return;
    const userId = auth.user.id;
    const maxSockets = this.settings.ws.maxSocketsPerUser;
    if (!this.slots.tryTake(userId, maxSockets)) {
      throw new DomainError('rate-limited', `at most ${maxSockets} WebSockets may be open per user: close one (another tab) or retry shortly`, {
        retryAfterSec: SOCKET_CAP_RETRY_AFTER_SEC,
        issues: [{ path: '(user)', message: `already holds ${this.slots.heldBy(userId)} open WebSockets` }],
      });
    }
    // Released however the socket ends: refused by ws, closed, terminated or reset by the client.
    socket.once('close', () => this.slots.release(userId));
    this.renewedCookies.set(req, renewedSessionCookies(req, auth, this.sessionCheck));
    // ws hands its options to each socket it completes, synchronously: a reloaded limit applies from this socket on.
    this.wss.options.maxPayload = this.settings.ws.maxPayloadBytes;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      upgraded();
      this.connect(ws, channel, state, auth, requestId);
    });
  }

  private connect(ws: WebSocket, channel: AnyChannel, state: unknown, auth: SessionUser, requestId: string): void {
    const id = randomUUID();
    const peer = new SocketPeer<unknown>({
      id,
      user: auth.user,
      sessionId: auth.session.id,
      path: channel.path,
      socket: ws,
      logger: this.logger.child({ requestId, peer: id, path: channel.path, userId: auth.user.id }),
      sendBufferBytes: () => this.settings.ws.sendBufferBytes,
      closeGraceMs: WS_CLOSE_GRACE_MS,
      onDrop: (reason) => this.dropped(reason),
    });
    this.peers.add(peer);
    this.metrics.open.inc({ path: channel.path });
    peer.logger.info('websocket open');

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (peer.isClosing) return;
      if (!this.admits(peer)) return;
      const parsed = parseClientMessage(bufferOf(data), isBinary, channel.clientMessages);
      if (!parsed.ok) {
        peer.sendSerialized(JSON.stringify(parsed.error));
        return;
      }
      peer.runMessage(
        () => channel.message(peer, state, parsed.message),
        (error) => this.messageFailed(peer, error),
      );
    });
    ws.on('error', (error: Error & { code?: string }) => {
      // ws has already closed the socket with the right code (1009 for a message over maxPayload).
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.dropped('too-big');
      else if (error.code?.startsWith('WS_ERR_')) this.dropped('protocol-error');
      peer.logger.info({ err: error.message, code: error.code }, 'websocket error');
    });
    ws.once('close', (code: number, reason: Buffer) => {
      this.peers.delete(peer);
      this.metrics.open.dec({ path: channel.path });
      peer.logger.info({ code, reason: reason.toString() }, 'websocket closed');
      peer.run(
        () => channel.close(peer, state),
        (error) => peer.logger.error({ err: error }, 'websocket channel close failed'),
      );
    });
    peer.run(
      () => channel.open(peer, state),
      (error) => {
        peer.logger.error({ err: error }, 'websocket channel open failed');
        peer.close({ code: 1011, reason: 'internal-error' });
      },
    );
  }

  /**
   * Every frame, even one that will not parse, spends the socket's allowance; a client past it, or
   * with too many messages still waiting for a slow handler, is closed rather than queued for.
   */
  private admits(peer: SocketPeer<unknown>): boolean {
    const limits = this.settings.ws;
    const overRate = !peer.messageAllowance.tryTake(this.clock(), { perSecond: limits.messagesPerSecond, burst: limits.messageBurst });
    const overQueue = peer.queuedMessages >= limits.maxQueuedMessages;
    if (!overRate && !overQueue) return true;
    peer.logger.warn({ overRate, queuedMessages: peer.queuedMessages }, 'websocket client sends too many messages; closing it');
    peer.drop('too-many-messages', WS_CLOSE.tooManyMessages);
    return false;
  }

  private messageFailed(peer: SocketPeer<unknown>, error: unknown): void {
    const answer = errorAnswer(error);
    if (!answer) peer.logger.error({ err: error }, 'websocket message failed');
    const message: WsErrorMessage = { type: 'error', message: answer?.message ?? 'internal error', ...(answer?.issues?.[0] ? { path: answer.issues[0].path } : {}) };
    peer.sendSerialized(JSON.stringify(message));
  }

  private refuse(socket: Duplex, answer: ErrorAnswer, requestId: string, req: IncomingMessage): void {
    this.metrics.refused.inc({ status: String(answer.status) });
    this.logger.info({ requestId, path: req.url, status: answer.status, message: answer.message, origin: req.headers.origin }, 'websocket upgrade refused');
    refuseHandshake(socket, errorAnswerBody(answer, requestId), answer.retryAfterSec ? { 'Retry-After': String(answer.retryAfterSec) } : {});
  }

  private unexpected(error: unknown, requestId: string): ErrorAnswer {
    this.logger.error({ err: error, requestId }, 'websocket upgrade failed');
    return INTERNAL_ERROR_ANSWER;
  }

  private dropped(reason: WsDropReason): void {
    this.metrics.dropped.inc({ reason });
  }

  /** A timer chain, not an interval: each round reads the interval it waits (and never overlaps the last). */
  private schedulePing(): void {
    if (this.stopping) return;
    this.pingTimer = setTimeout(() => {
      this.pingRound()
        .catch((error: unknown) => this.logger.warn({ err: (error as Error).message }, 'websocket ping round failed'))
        .finally(() => this.schedulePing());
    }, this.settings.ws.pingIntervalMs);
    this.pingTimer.unref();
  }

  /** Drops sockets that did not answer the previous ping, pings the rest, then ends expired sessions' sockets. */
  private async pingRound(): Promise<void> {
    for (const peer of this.peers) {
      if (peer.isClosing) continue;
      if (!peer.pingRound()) {
        peer.logger.info('websocket missed a ping; terminating it');
        peer.drop('ping-timeout');
      }
    }
    const sessionIds = [...new Set([...this.peers].map((peer) => peer.sessionId))];
    if (sessionIds.length === 0) return;
    // One EXISTS per session, sent back to back: a pipeline may only span one Redis Cluster slot.
    const results = await Promise.all(sessionIds.map((id) => this.sessionCheck.redis.exists(SESSION_KEYS.session(id)).catch(() => undefined)));
    sessionIds.forEach((id, i) => {
      if (results[i] === 0) this.endSession(id);
    });
  }

  private endSession(sessionId: string): void {
    for (const peer of this.peers) {
      if (peer.sessionId === sessionId) peer.drop('session-ended', WS_CLOSE.sessionEnded);
    }
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** X-Forwarded-* is believed only from the local proxy, as Express's `trust proxy loopback`. */
function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function bufferOf(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
