import type { EventIssue, StreamReset, TopicName, TypedEvent } from '@marketswarm/shared/events';
import { StreamChannel, type ChannelStatus, type EventSourceFactory, type SessionCheck } from './stream-channel';
import { multiplexStreams, type StreamSpec } from './stream-plan';
import type { BackoffPolicy } from './backoff';
import type { Transport } from './protocol';

export type ConnectionStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'signed-out';

/** What the header's pulse shows; replaced (never mutated) on every change, for useSyncExternalStore. */
export interface ConnectionState {
  status: ConnectionStatus;
  transport: Transport;
  protocol: string | undefined;
  /** Open EventSources. */
  streams: number;
  /** Epoch ms of the last topic event, or undefined before the first. */
  lastEventAt: number | undefined;
  /** Frames that failed the shared contract, skipped. */
  invalid: number;
  /** Why the session ended, when status is signed-out. */
  endReason?: 'signed-out' | 'expired';
}

type TopicListener<T extends TopicName> = (event: TypedEvent<T>) => void;

export interface StreamHubOptions {
  transport: Transport;
  protocol: string | undefined;
  createSource: EventSourceFactory;
  checkSession: SessionCheck;
  policy?: BackoffPolicy;
  now?: () => number;
}

/**
 * Owns every stream of the page. Panels never see EventSources: they register per-topic listeners
 * (usually through a store) and the hub routes each validated event to them, whatever transport
 * carries it. Listeners run synchronously per event; stores batch React updates per frame.
 */
export class StreamHub {
  private readonly channels = new Map<string, StreamChannel>();
  private readonly listeners = new Map<TopicName, Set<(event: TypedEvent) => void>>();
  private readonly resetListeners = new Set<(topic: TopicName | '*') => void>();
  private readonly stateListeners = new Set<() => void>();
  private state: ConnectionState;
  private lastEventAt: number | undefined;
  private ended = false;

  constructor(private readonly options: StreamHubOptions) {
    this.state = { status: 'idle', transport: options.transport, protocol: options.protocol, streams: 0, lastEventAt: undefined, invalid: 0 };
  }

  /** Opens what `specs` adds and closes what it drops; streams present in both stay open. */
  setPlan(specs: readonly StreamSpec[]): void {
    if (this.ended) return;
    const wanted = this.options.transport === 'multiplexed' ? multiplexStreams(specs) : [...specs];
    const byKey = new Map(wanted.map((s) => [`${s.key} ${s.path}`, s]));
    for (const [id, channel] of this.channels) {
      if (!byKey.has(id)) {
        channel.close();
        this.channels.delete(id);
      }
    }
    for (const [id, spec] of byKey) {
      if (this.channels.has(id)) continue;
      const channel = new StreamChannel(spec, {
        createSource: this.options.createSource,
        checkSession: this.options.checkSession,
        ...(this.options.policy ? { policy: this.options.policy } : {}),
        listener: {
          event: (event) => this.dispatch(event),
          invalid: (topic, issues) => this.onInvalid(topic, issues),
          reset: (reset) => this.handleReset(reset),
          status: () => this.refresh(),
          signedOut: (reason) => this.endSession(reason),
        },
      });
      this.channels.set(id, channel);
      channel.open();
    }
    this.refresh();
  }

  on<T extends TopicName>(topic: T, listener: TopicListener<T>): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    const fn = listener as (event: TypedEvent) => void;
    set.add(fn);
    return () => set.delete(fn);
  }

  /** Called before the fresh snapshot of a topic the gateway could not resume arrives. */
  onReset(listener: (topic: TopicName | '*') => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  close(): void {
    for (const channel of this.channels.values()) channel.close();
    this.channels.clear();
    this.ended = true;
    this.refresh();
  }

  private dispatch(event: TypedEvent): void {
    this.lastEventAt = (this.options.now ?? Date.now)();
    const set = this.listeners.get(event.topic);
    if (set) for (const fn of set) fn(event);
    // lastEventAt changes per event; the pulse reads it on its own clock, so only publish a new
    // state object when the status changes or on the first event.
    if (this.state.lastEventAt === undefined) this.refresh();
  }

  private handleReset(reset: StreamReset): void {
    for (const fn of this.resetListeners) fn(reset.topic);
  }

  private onInvalid(topic: string, issues: readonly EventIssue[]): void {
    console.warn(`skipped a malformed ${topic} frame`, issues);
    this.state = { ...this.state, invalid: this.state.invalid + 1 };
    this.emit();
  }

  private endSession(reason: 'signed-out' | 'expired'): void {
    if (this.ended) return;
    for (const channel of this.channels.values()) channel.close();
    this.channels.clear();
    this.ended = true;
    this.state = { ...this.state, status: 'signed-out', streams: 0, endReason: reason };
    this.emit();
  }

  /** The last event's time, read by the pulse on its own timer rather than per event. */
  lastEventTime(): number | undefined {
    return this.lastEventAt;
  }

  private refresh(): void {
    if (this.state.status === 'signed-out') return;
    const statuses = [...this.channels.values()].map((c) => c.status);
    const status: ConnectionStatus = this.ended || statuses.length === 0 ? 'idle' : aggregate(statuses);
    const next: ConnectionState = { ...this.state, status, streams: statuses.filter((s) => s !== 'ended').length, lastEventAt: this.lastEventAt };
    if (next.status === this.state.status && next.streams === this.state.streams && next.lastEventAt === this.state.lastEventAt) return;
    this.state = next;
    this.emit();
  }

  private emit(): void {
    for (const fn of this.stateListeners) fn();
  }
}

function aggregate(statuses: readonly ChannelStatus[]): ConnectionStatus {
  if (statuses.includes('reconnecting')) return 'reconnecting';
  if (statuses.includes('connecting')) return 'connecting';
  return 'live';
}
