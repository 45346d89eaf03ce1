import type { Redis } from 'ioredis';
import { validateForPublish } from '@marketswarm/shared/bus';
import { encodeStreamEntry, snapshotField } from '@marketswarm/shared/events';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { alertCandidateSchema, type AlertCandidate } from './alert-candidate.js';
import { ALERTS_OUTBOX_KEY, PUBLISHED_MARKER_TTL_MS, publishedMarkerKey } from './alert-keys.js';

/**
 * The event goes out only if this hit's marker is newly set, in the same script as the stream
 * entry, the snapshot and the outbox clean-up: a crash leaves either all of it or none, and a
 * replayed hit (after a restart, or from a second instance) finds the marker and sends nothing.
 */
const PUBLISH_ONCE = `
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', ARGV[3], ARGV[4])
  if ARGV[5] ~= '' then redis.call('HSET', KEYS[3], ARGV[5], ARGV[4]) end
  redis.call('HDEL', KEYS[4], ARGV[6])
  return id
end
redis.call('HDEL', KEYS[4], ARGV[6])
return false`;

export interface PendingEntries {
  entries: AlertCandidate[];
  /** Fields whose value no longer parses (written by an older version): dropped by the caller. */
  invalid: string[];
}

/** The outbox of intended alert events in system Redis, and the publish-once step that empties it. */
export class AlertOutbox {
  constructor(
    private readonly redis: Redis,
    private readonly route: TopicRoute,
    private readonly key = ALERTS_OUTBOX_KEY,
  ) {}

  /** Every event of a batch in one command: before the journal hears of any of them. */
  async putAll(candidates: readonly AlertCandidate[]): Promise<void> {
    if (candidates.length === 0) return;
    await this.redis.hset(this.key, Object.fromEntries(candidates.map((c) => [c.key, JSON.stringify(c)])));
  }

  async drop(field: string): Promise<void> {
    await this.redis.hdel(this.key, field);
  }

  async pending(): Promise<PendingEntries> {
    const raw = await this.redis.hgetall(this.key);
    const entries: AlertCandidate[] = [];
    const invalid: string[] = [];
    for (const [field, text] of Object.entries(raw)) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const parsed = alertCandidateSchema.safeParse(json);
      if (parsed.success) entries.push(parsed.data);
      else invalid.push(field);
    }
    entries.sort((a, b) => a.at - b.at);
    return { entries, invalid };
  }

  /** Publishes the owner's `alerts` event unless this hit id was published before; true when it went out now. */
  async publishOnce(candidate: AlertCandidate, hitId: string, now: number): Promise<boolean> {
    const event = validateForPublish(this.route, {
      topic: 'alerts',
      type: 'fired',
      ts: now,
      user: candidate.userId,
      data: {
        id: hitId,
        alertId: candidate.alertId,
        kind: candidate.kind,
        message: candidate.message,
        severity: candidate.severity,
        value: candidate.value,
        symbol: candidate.symbol,
        firedAt: candidate.at,
        ...(candidate.stage !== undefined && { stage: candidate.stage }),
      },
    });
    const [field, json] = encodeStreamEntry(event);
    const snapshot = this.route.snapshot ?? '';
    const id: unknown = await this.redis.eval(
      PUBLISH_ONCE,
      4,
      publishedMarkerKey(hitId),
      this.route.stream,
      snapshot || this.route.stream,
      this.key,
      String(PUBLISHED_MARKER_TTL_MS),
      String(this.route.maxlen),
      field,
      json,
      snapshot ? snapshotField(event.topic, event.data, event.user) : '',
      candidate.key,
    );
    return typeof id === 'string';
  }
}
