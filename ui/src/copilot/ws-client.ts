import type { z } from 'zod';
import { WS_CLOSE } from '@marketswarm/shared/dto';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../stream/backoff';
import type { SessionCheck } from '../stream/stream-channel';

/** The part of the browser's WebSocket the client uses (a fake one in specs). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type SocketFactory = (url: string) => SocketLike;

/** WebSocket.OPEN, without needing the global in specs. */
const OPEN = 1;

export type WsStatus = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'signed-out';

export interface WsClientOptions<Server> {
  /** The same-origin path, read again on every (re)connect so per-connection state (`?dte=`) follows. */
  path: () => string;
  /** The socket's server message map (copilot-ws.schema.ts): every message is checked with it. */
  schema: z.ZodType<Server>;
  onMessage: (message: Server) => void;
  onStatus?: (status: WsStatus) => void;
  /** The session is gone (4001, or a refused upgrade with no session): the client stays closed. */
  onSignedOut?: () => void;
  createSocket?: SocketFactory;
  checkSession?: SessionCheck;
  location?: Pick<Location, 'protocol' | 'host'>;
  policy?: BackoffPolicy;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** `wss://host/ws/…` on an https page, `ws://` on a plain one: always the page's own origin. */
export function wsUrl(path: string, location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/**
 * One copilot WebSocket that stays connected: every server message validated with the shared map
 * (a message that fails it is counted and dropped, never handed on), exponential backoff with
 * jitter between attempts, and no reconnect once the session is gone. A refused upgrade (401)
 * reaches a browser only as 1006 without an open, so a socket that never opened asks the session
 * check before trying again, as the SSE channels do.
 */
export class WsClient<Server, Client> {
  private socket: SocketLike | undefined;
  private attempt = 0;
  private timer: unknown;
  private stopped = false;
  private current: WsStatus = 'closed';
  private invalidCount = 0;

  constructor(private readonly options: WsClientOptions<Server>) {}

  get status(): WsStatus {
    return this.current;
  }

  /** Server messages that failed the shared schema (or were not JSON). */
  get invalid(): number {
    return this.invalidCount;
  }

  open(): void {
    if (this.stopped || this.socket) return;
    const location = this.options.location ?? window.location;
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url));
    const socket = create(wsUrl(this.options.path(), location));
    this.socket = socket;
    let opened = false;
    this.setStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    socket.onopen = () => {
      opened = true;
      this.setStatus('open');
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      this.receive(event.data);
    };
    socket.onerror = () => undefined; // a close event always follows, with the code that matters
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.socket = undefined;
      this.closed(event.code, opened);
    };
  }

  /** Sends when the socket is open; false otherwise (per-connection state then rides on the next connect's path). */
  send(message: Client): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  close(): void {
    this.stopped = true;
    this.clearRetry();
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, 'done');
    this.setStatus('closed');
  }

  private receive(data: unknown): void {
    let json: unknown;
    try {
      json = typeof data === 'string' ? JSON.parse(data) : undefined;
    } catch {
      json = undefined;
    }
    const parsed = json === undefined ? undefined : this.options.schema.safeParse(json);
    if (!parsed?.success) {
      this.invalidCount++;
      console.warn(`skipped a copilot message that fails the shared contract (${this.invalidCount} so far)`, parsed?.error.issues ?? 'not JSON');
      return;
    }
    // A connection counts as healthy once it delivers: a server that accepts and then drops at once
    // (slow consumer, restart loop) keeps growing the delay instead of being hammered.
    this.attempt = 0;
    this.options.onMessage(parsed.data);
  }

  private closed(code: number, opened: boolean): void {
    if (this.stopped) return;
    if (code === WS_CLOSE.sessionEnded.code) {
      this.signOut();
      return;
    }
    this.setStatus('reconnecting');
    this.scheduleRetry(!opened);
  }

  private scheduleRetry(askSession: boolean): void {
    this.clearRetry();
    const delay = backoffDelay(this.attempt++, this.options.policy ?? DEFAULT_BACKOFF, this.options.random);
    const set = this.options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
    this.timer = set(() => void this.retry(askSession), delay);
  }

  private async retry(askSession: boolean): Promise<void> {
    this.timer = undefined;
    if (this.stopped) return;
    if (askSession && this.options.checkSession) {
      const session = await this.options.checkSession();
      if (this.stopped) return;
      if (session === 'signed-out') {
        this.signOut();
        return;
      }
    }
    this.open();
  }

  private signOut(): void {
    this.stopped = true;
    this.clearRetry();
    this.setStatus('signed-out');
    this.options.onSignedOut?.();
  }

  private clearRetry(): void {
    if (this.timer === undefined) return;
    (this.options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = undefined;
  }

  private setStatus(status: WsStatus): void {
    if (status === this.current) return;
    this.current = status;
    this.options.onStatus?.(status);
  }
}
