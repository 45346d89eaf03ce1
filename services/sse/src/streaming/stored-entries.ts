import type { StreamId, TopicName } from '@marketswarm/shared/events';
import { decodeTopicEntry, ingest, type IngestedEvent } from './ingested-event.js';

export type StoredEntry = { ok: true; event: IngestedEvent } | { ok: false; reason: string };

/**
 * Stream entries as catch-up decoded them, shared by every connection that replays them. After a
 * gateway restart thousands of clients replay the same few entries within seconds; without this,
 * each of them parsed, validated and framed every entry again (a third of a resume's CPU). A stream
 * entry never changes once written, so an entry is decoded once per (stream, id) while it is held.
 *
 * Bounded by entries and by body bytes (a heatmap entry weighs a thousand spot ticks); the oldest
 * inserted goes first, which suits a storm's burst of the same recent entries. What a held event
 * keeps besides its body: one frame for one-topic clients (SseConnection shares no other frames of
 * an event it replays), so the memory held is at most about twice `maxBytes`.
 */
export class StoredEntries {
  private readonly entries = new Map<string, { entry: StoredEntry; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly limits: { maxEntries: number; maxBytes: number } = { maxEntries: 4096, maxBytes: 16 * 1024 * 1024 },
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The decoded entry `rawId` of `stream` (a topic's stream key), decoding it on first use. */
  decode(stream: string, topic: TopicName, rawId: string, id: StreamId, fields: readonly string[]): StoredEntry {
    const key = `${stream}\u0000${rawId}`;
    const held = this.entries.get(key);
    if (held) return held.entry;
    const decoded = decodeTopicEntry(topic, fields);
    const entry: StoredEntry = decoded.ok ? { ok: true, event: ingest(decoded.event, id) } : decoded;
    const bytes = entry.ok ? entry.event.body.length : 0;
    if (bytes > this.limits.maxBytes) return entry;
    this.entries.set(key, { entry, bytes });
    this.bytes += bytes;
    for (const [oldest, { bytes: size }] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= size;
    }
    return entry;
  }
}
