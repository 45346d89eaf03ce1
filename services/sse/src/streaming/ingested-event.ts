import { decodeStreamEntry, formatEventIssues, type TopicName, type TypedEvent } from '@marketswarm/shared/events';
import { encodeEventBody } from './frame-encoder.js';
import type { StreamId } from '@marketswarm/shared/events';

/** One validated event as the gateway fans it out: parsed once, framed once. */
export interface IngestedEvent {
  topic: TopicName;
  id: StreamId;
  user: string | undefined;
  symbol: string | undefined;
  /** Conflation key for market ticks (`spot:SPX`); undefined when the event must never be dropped. */
  conflateKey: string | undefined;
  /** Producer timestamp, for publish→write latency. */
  ts: number;
  body: Buffer;
  /**
   * The complete frame for connections that follow only this topic: their cursor is this event's
   * id alone, so one buffer serves them all. Built on first use.
   */
  singleTopicFrame: Buffer | undefined;
  /**
   * For multi-topic connections: the whole frame (body and id line), keyed by the connection's
   * cursor before this event. Connections in the same state share one string and one buffer.
   */
  frames: Map<string, { frame: Buffer; next: string }> | undefined;
}

// Ticks whose newer value replaces an older one. Everything else (intel, alerts, trades,
// heatmap diffs…) is delivered in full or the client is disconnected.
const CONFLATABLE: ReadonlySet<TopicName> = new Set<TopicName>(['spot', 'mode', 'bias', 'gex', 'selector']);

/** Decodes one stream entry of `topic`, refusing an entry that claims another topic. */
export function decodeTopicEntry(topic: TopicName, fields: readonly string[]): { ok: true; event: TypedEvent } | { ok: false; reason: string } {
  const decoded = decodeStreamEntry(fields);
  if (!decoded.ok) return { ok: false, reason: formatEventIssues(decoded.issues) };
  if (decoded.event.topic !== topic) return { ok: false, reason: `event for topic "${decoded.event.topic}" in the ${topic} stream` };
  return decoded;
}

export function ingest(event: TypedEvent, id: StreamId): IngestedEvent {
  const symbol = typeof event.data['symbol'] === 'string' ? event.data['symbol'] : undefined;
  return {
    topic: event.topic,
    id,
    user: event.user,
    symbol,
    conflateKey: CONFLATABLE.has(event.topic) ? `${event.topic}:${symbol ?? '_'}` : undefined,
    ts: event.ts,
    body: encodeEventBody(event.topic, JSON.stringify(event)),
    singleTopicFrame: undefined,
    frames: undefined,
  };
}
