import {
  controlEventNames,
  parseControlEvent,
  parseEvent,
  type ControlEventName,
  type EventIssue,
  type StreamEndReason,
  type StreamReset,
  type TopicName,
  type TypedEvent,
} from '@marketswarm/shared/events';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { StreamSpec } from './stream-plan';

export type ChannelStatus = 'connecting' | 'live' | 'reconnecting' | 'ended';

/** What a session check answers before a reconnect: a stream the gateway refuses looks like any network error. */
export type SessionCheck = () => Promise<'ok' | 'signed-out' | 'unreachable'>;

export interface ChannelListener {
  event(event: TypedEvent): void;
  /** A frame that failed the shared contract: counted and skipped. */
  invalid(topic: string, issues: readonly EventIssue[]): void;
  /** The gateway could not resume `topic` (or any topic, `*`); a fresh snapshot follows. */
  reset(reset: StreamReset): void;
  status(status: ChannelStatus): void;
  /** The session is gone: the channel stays closed. */
  signedOut(reason: Extract<StreamEndReason, 'signed-out'> | 'expired'): void;
}

export type EventSourceFactory = (url: string) => EventSource;

export interface ChannelOptions {
  createSource: EventSourceFactory;
  checkSession: SessionCheck;
  listener: ChannelListener;
  policy?: BackoffPolicy;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * One gateway stream. While the stream is merely cut, the browser's EventSource reconnects by
 * itself and sends `Last-Event-ID`. When the gateway refuses or is down (nginx answers 502), the
 * EventSource gives up for good; then this channel checks the session and reopens with backoff,
 * passing the last id as `?lastEventId=` because a new EventSource cannot set the header.
 */
export class StreamChannel {
  private source: EventSource | undefined;
  private lastId: string | undefined;
  private attempt = 0;
  private timer: unknown;
  private closed = false;
  private currentStatus: ChannelStatus = 'connecting';

  constructor(
    readonly spec: StreamSpec,
    private readonly options: ChannelOptions,
  ) {}

  get status(): ChannelStatus {
    return this.currentStatus;
  }

  /** The cursor of the last frame delivered (opaque to us). */
  get lastEventId(): string | undefined {
    return this.lastId;
  }

  open(): void {
    if (this.closed || this.source) return;
    const url = this.lastId === undefined ? this.spec.path : `${this.spec.path}${this.spec.path.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(this.lastId)}`;
    const source = this.options.createSource(url);
    this.source = source;
    source.onopen = () => {
      this.attempt = 0;
      this.setStatus('live');
    };
    source.onerror = (e) => {
      // The gateway's own `event: error` frame also reaches onerror; it is handled as a control frame.
      if (typeof (e as MessageEvent<unknown>).data === 'string') return;
      this.onNetworkError(source);
    };
    for (const topic of this.spec.topics) source.addEventListener(topic, (e) => this.onTopicFrame(topic, e as MessageEvent<string>));
    for (const name of controlEventNames) {
      // `error` is also the EventSource's own network-error event; only a MessageEvent with data is the gateway's.
      source.addEventListener(name, (e) => {
        if (typeof (e as MessageEvent<unknown>).data === 'string') this.onControlFrame(name, e as MessageEvent<string>);
      });
    }
  }

  close(): void {
    this.closed = true;
    this.clearRetry();
    this.source?.close();
    this.source = undefined;
    this.setStatus('ended');
  }

  private onTopicFrame(topic: TopicName, e: MessageEvent<string>): void {
    if (e.lastEventId) this.lastId = e.lastEventId;
    let json: unknown;
    try {
      json = JSON.parse(e.data);
    } catch {
      this.options.listener.invalid(topic, [{ path: '(frame)', message: 'data is not JSON' }]);
      return;
    }
    const parsed = parseEvent(json);
    if (!parsed.ok) this.options.listener.invalid(topic, parsed.issues);
    else this.options.listener.event(parsed.event);
  }

  private onControlFrame(name: ControlEventName, e: MessageEvent<string>): void {
    if (e.lastEventId) this.lastId = e.lastEventId;
    let json: unknown;
    try {
      json = JSON.parse(e.data);
    } catch {
      this.options.listener.invalid(name, [{ path: '(frame)', message: 'data is not JSON' }]);
      return;
    }
    switch (name) {
      case 'ready': {
        const ready = parseControlEvent('ready', json);
        if (!ready.ok) this.options.listener.invalid(name, [{ path: '(frame)', message: ready.message }]);
        this.setStatus('live');
        return;
      }
      case 'reset': {
        const reset = parseControlEvent('reset', json);
        if (reset.ok) this.options.listener.reset(reset.data);
        else this.options.listener.invalid(name, [{ path: '(frame)', message: reset.message }]);
        return;
      }
      case 'error': {
        const error = parseControlEvent('error', json);
        if (error.ok && error.data.reason === 'signed-out') {
          this.close();
          this.options.listener.signedOut('signed-out');
        }
        // slow-consumer and shutdown: the gateway closes the stream and the browser resumes it.
        return;
      }
    }
  }

  private onNetworkError(source: EventSource): void {
    if (this.closed || source !== this.source) return;
    if (source.readyState === source.CONNECTING) {
      this.setStatus('reconnecting');
      return;
    }
    source.close();
    this.source = undefined;
    this.setStatus('reconnecting');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    this.clearRetry();
    const delay = backoffDelay(this.attempt++, this.options.policy ?? DEFAULT_BACKOFF, this.options.random);
    const set = this.options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
    this.timer = set(() => void this.retry(), delay);
  }

  private async retry(): Promise<void> {
    this.timer = undefined;
    if (this.closed) return;
    const session = await this.options.checkSession();
    if (this.closed) return;
    if (session === 'signed-out') {
      this.close();
      this.options.listener.signedOut('expired');
      return;
    }
    // 'unreachable' (gateway down): try the stream anyway; failing again just schedules the next step.
    this.open();
  }

  private clearRetry(): void {
    if (this.timer === undefined) return;
    (this.options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = undefined;
  }

  private setStatus(status: ChannelStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.options.listener.status(status);
  }
}
