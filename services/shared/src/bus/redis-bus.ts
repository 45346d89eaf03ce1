import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { BusName } from '../events/bus-name.js';
import { openRedis } from './redis-connection.js';

/**
 * The three Redis roles of the stack. Connections open lazily, so a service only connects to the
 * buses it uses; `dedicated()` gives a fresh connection for blocking reads or subscriptions, which
 * must never share a socket with ordinary commands.
 *
 * A bus URL may name a Redis Cluster (`redis-cluster://host:port,…`, see cluster-url.ts): `get` and
 * `dedicated` then hand out ioredis Cluster clients under the same `Redis` type (see openRedis),
 * and a dedicated one has node connections of its own, so its blocking reads still block nothing else.
 */
export class RedisBus {
  private readonly shared = new Map<BusName, Redis>();
  private readonly extra = new Set<Redis>();

  constructor(
    private readonly urls: Readonly<Record<BusName, string>>,
    private readonly logger: Logger,
    private readonly clientName: string,
  ) {}

  get(bus: BusName): Redis {
    let redis = this.shared.get(bus);
    if (!redis) {
      redis = openRedis(this.urls[bus], `${this.clientName}:${bus}`, this.logger);
      this.shared.set(bus, redis);
    }
    return redis;
  }

  dedicated(bus: BusName, purpose: string): Redis {
    const redis = openRedis(this.urls[bus], `${this.clientName}:${bus}:${purpose}`, this.logger);
    this.extra.add(redis);
    return redis;
  }

  url(bus: BusName): string {
    return this.urls[bus];
  }

  async close(): Promise<void> {
    const all = [...this.shared.values(), ...this.extra];
    this.shared.clear();
    this.extra.clear();
    await Promise.all(all.map((r) => r.quit().catch(() => r.disconnect())));
  }
}
