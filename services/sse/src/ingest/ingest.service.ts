import type { Redis } from 'ioredis';
import { scopeRefusal, type ApiKeyRateLimiter, type ApiKeyRepository, type RateLimit, type StoredApiKey, type UserRepository } from '@marketswarm/shared/auth';
import { publishEvents } from '@marketswarm/shared/bus';
import { ingestEventsOf, type IngestAccepted, type IngestBody } from '@marketswarm/shared/dto';
import { isTopicName, type BusName } from '@marketswarm/shared/events';
import { DomainError } from '@marketswarm/shared/http';
import type { TruthDoc } from '@marketswarm/shared/truth';
import { buildIngestEvents } from './ingest-events.js';
import type { IngestMetrics } from './ingest-metrics.js';
import { requireReady } from './redis-ready.js';

export interface IngestServiceDeps {
  truth: () => Pick<TruthDoc, 'topics'>;
  bus: (name: BusName) => Redis;
  keys: ApiKeyRepository;
  /** The accounts keys may be bound to: a key acts for its user only while that account is enabled. */
  users: Pick<UserRepository, 'findById'>;
  limiter: ApiKeyRateLimiter;
  /** Read per request, so a truth reload that changes them applies at once when they are live. */
  limit: () => RateLimit;
  metrics: IngestMetrics;
  now?: () => number;
}

/**
 * The rules of ingest, in the order a caller can fix them: the key's account (if bound) is enabled,
 * the topic exists, the key may publish to it, every event is valid, the topic's bus is reachable,
 * the key has tokens left; then the append path of every producer and
 * `./admin publish` (publishEvents: XADD with bounded retention and the snapshot, atomically and at most once).
 */
export class IngestService {
  constructor(private readonly deps: IngestServiceDeps) {}

  async publish(key: StoredApiKey, topic: string, body: IngestBody): Promise<IngestAccepted> {
    if (key.user !== undefined) await this.requireEnabledOwner(key, key.user);
    const topics = Object.keys(this.deps.truth().topics);
    const route = this.deps.truth().topics[topic];
    if (!route || !isTopicName(topic)) throw new DomainError('not-found', `no topic "${topic}" (topics: ${topics.join(', ')})`, { issues: [{ path: 'topic', message: 'is not a topic of this deployment' }] });
    const refusal = scopeRefusal(key, topic);
    if (refusal) throw new DomainError('forbidden', refusal, { issues: [{ path: 'topic', message: `allowed: ${key.topics.join(', ')}` }] });

    const inputs = ingestEventsOf(body);
    const limit = this.deps.limit();
    if (inputs.length > limit.burst) {
      const message = `at most ${limit.burst} events per request (the key's burst)`;
      throw new DomainError('validation', `invalid body: events: ${message}`, { issues: [{ path: 'events', message }] });
    }
    const built = buildIngestEvents(inputs, { topic, batch: body.events !== undefined, now: (this.deps.now ?? Date.now)(), ...(key.user ? { user: key.user } : {}) });
    if (!built.ok) {
      const first = built.issues[0];
      throw new DomainError('validation', `invalid ${topic} event${first ? `: ${first.path}: ${first.message}` : ''}`, { issues: built.issues });
    }

    const bus = this.deps.bus(route.bus);
    // Before the rate bucket, so a refused request spends no tokens.
    requireReady(bus, `the ${route.bus} bus`);
    const verdict = await this.deps.limiter.take(key.id, built.events.length, limit);
    if (!verdict.allowed) {
      throw new DomainError('rate-limited', `key "${key.name}" is over its rate of ${limit.ratePerSec} events/s (burst ${limit.burst}); retry in ${verdict.retryAfterSec} s`, {
        retryAfterSec: verdict.retryAfterSec,
      });
    }

    const ids = await publishEvents(bus, route, built.events);
    this.deps.metrics.events.inc({ topic, key: key.name }, ids.length);
    await this.deps.keys.touch(key.id);
    return body.events !== undefined ? { ids } : { id: ids[0] ?? '' };
  }

  /** Read per request, like the key itself, so disabling or deleting the account stops its keys at once on every gateway. */
  private async requireEnabledOwner(key: StoredApiKey, userId: string): Promise<void> {
    const owner = await this.deps.users.findById(userId);
    if (owner && owner.disabled !== true) return;
    const why = owner ? 'is disabled' : 'no longer exists';
    throw new DomainError('forbidden', `key "${key.name}" acts for account ${userId}, which ${why}`, { issues: [{ path: 'Authorization', message: `the key's account ${why}` }] });
  }
}
