import type { TopicName } from '@marketswarm/shared/events';
import { topicNames, topicSpecs } from '@marketswarm/shared/events';
import type { PositionSeal } from './position-seal.js';
import { compareStreamIds, type StreamId } from '@marketswarm/shared/events';

/**
 * Where a client is in every topic it follows: the id of the last entry it was sent, per topic's
 * stream. The whole cursor travels in each SSE `id:`, so the browser's Last-Event-ID lets any
 * gateway instance — after a restart, or another one behind nginx — resume exactly, with no
 * server-side state.
 *
 * Wire form: one segment per topic, `<code><ms base36>-<seq base36>`, joined by `.`,
 * e.g. `slrx3k2a-0.ilrx3k2z-3`. Short ASCII, no characters EventSource treats specially.
 * User-scoped topics share one stream across users, so their segment is `<code><sealed position>`
 * (PositionSeal): a user never learns when another user's event was written.
 */
const CODES: Readonly<Record<TopicName, string>> = {
  spot: 's',
  candles: 'c',
  heatmap: 'h',
  gex: 'g',
  mode: 'm',
  bias: 'b',
  selector: 'x',
  intel: 'i',
  vexy: 'v',
  alerts: 'a',
  trades: 't',
  positions: 'p',
  'risk-graph': 'r',
};
const TOPIC_BY_CODE = new Map<string, TopicName>(topicNames.map((t) => [CODES[t], t]));

/** Reads and writes the wire form; holds the seal for user-scoped topics. */
export class CursorCodec {
  constructor(private readonly seal: PositionSeal) {}

  /** An empty cursor (a fresh connection). */
  cursor(): ResumeCursor {
    return new ResumeCursor(this);
  }

  /** Parses a Last-Event-ID; anything malformed yields null (the caller treats it as a fresh connect). */
  parse(text: string | undefined): ResumeCursor | null {
    if (!text || text.length > 1024) return null;
    const cursor = new ResumeCursor(this);
    for (const segment of text.split('.')) {
      const topic = TOPIC_BY_CODE.get(segment.charAt(0));
      if (!topic) return null;
      const id = SEALED.has(topic) ? this.seal.open(segment.slice(1)) : plainPosition(segment);
      if (!id) return null;
      cursor.set(topic, id);
    }
    return cursor;
  }

  /**
   * The wire form of one topic's position; a one-topic cursor is exactly this. A user topic's
   * segment is sealed afresh on every call (see PositionSeal), so callers keep it while the
   * position stays.
   */
  segment(topic: TopicName, id: StreamId): string {
    if (isSealed(topic)) return `${CODES[topic]}${this.seal.seal(id)}`;
    return `${CODES[topic]}${id.ms.toString(36)}-${id.seq.toString(36)}`;
  }
}

export function isSealed(topic: TopicName): boolean {
  return SEALED.has(topic);
}

const SEALED: ReadonlySet<TopicName> = new Set(topicNames.filter((t) => topicSpecs[t].scope === 'user'));

function plainPosition(segment: string): StreamId | null {
  const dash = segment.indexOf('-');
  if (dash < 2 || !/^[a-z][0-9a-z]+-[0-9a-z]+$/.test(segment)) return null;
  const ms = parseInt(segment.slice(1, dash), 36);
  const seq = parseInt(segment.slice(dash + 1), 36);
  if (!Number.isSafeInteger(ms) || !Number.isSafeInteger(seq)) return null;
  return { ms, seq };
}

export class ResumeCursor {
  private readonly positions = new Map<TopicName, StreamId>();
  /** Sealed segments of user topics, kept while their position stays: sealing costs an AES block. */
  /**
   * Wire segments kept while their position stays: a user topic's costs an AES block, and on a
   * multi-topic connection with its own ids the whole id is rebuilt for every event, of which only
   * one topic moved (formatting all 13 each time was a fifth of an /sse/all delivery's CPU).
   */
  private segments: Map<TopicName, string> | undefined;
  private encoded: string | undefined;

  constructor(private readonly codec: CursorCodec) {}

  get(topic: TopicName): StreamId | undefined {
    return this.positions.get(topic);
  }

  /** True when `id` is past this cursor for `topic`: the one test that makes delivery exactly-once. */
  isNew(topic: TopicName, id: StreamId): boolean {
    const at = this.positions.get(topic);
    return at === undefined || compareStreamIds(id, at) > 0;
  }

  set(topic: TopicName, id: StreamId): void {
    this.positions.set(topic, id);
    this.segments?.delete(topic);
    this.encoded = undefined;
  }

  /** Forgets a topic: after a reset the client's old position there means nothing. */
  delete(topic: TopicName): void {
    this.positions.delete(topic);
    this.segments?.delete(topic);
    this.encoded = undefined;
  }

  /** Advances a market topic when the resulting wire form is already known (shared by identical cursors). */
  setEncoded(topic: TopicName, id: StreamId, encoded: string): void {
    this.positions.set(topic, id);
    this.segments?.delete(topic);
    this.encoded = encoded;
  }

  /** Keeps only the given topics, so a client's id never grows with topics it no longer follows. */
  restrictTo(topics: readonly TopicName[]): void {
    for (const topic of [...this.positions.keys()]) if (!topics.includes(topic)) this.delete(topic);
    this.encoded = undefined;
  }

  toString(): string {
    if (this.encoded === undefined) {
      const parts: string[] = [];
      for (const topic of topicNames) {
        const id = this.positions.get(topic);
        if (id) parts.push(this.segment(topic, id));
      }
      this.encoded = parts.join('.');
    }
    return this.encoded;
  }

  private segment(topic: TopicName, id: StreamId): string {
    const segments = (this.segments ??= new Map<TopicName, string>());
    let text = segments.get(topic);
    if (text === undefined) segments.set(topic, (text = this.codec.segment(topic, id)));
    return text;
  }
}
