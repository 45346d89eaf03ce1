import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { heartbeatKey, SERVICE_REGISTRY_KEY, type HeartbeatRecord } from './heartbeat-record.js';

export interface HeartbeatOptions {
  service: string;
  version: string;
  port: number | undefined;
  intervalMs: number;
  ttlSec: number;
  truthVersion: () => string | null;
  restartNeeded?: () => string[];
}

/** Writes `<service>:heartbeat` with a TTL on every interval and registers the service once. */
export class HeartbeatWriter {
  private timer: NodeJS.Timeout | undefined;
  private readonly startedAt = Date.now();

  constructor(
    private readonly redis: Redis,
    private readonly options: HeartbeatOptions,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.redis.hset(
      SERVICE_REGISTRY_KEY,
      this.options.service,
      JSON.stringify({ version: this.options.version, pid: process.pid, port: this.options.port ?? null, startedAt: this.startedAt }),
    );
    await this.beat();
    this.timer = setInterval(() => {
      this.beat().catch((error: unknown) => this.logger.warn({ err: (error as Error).message }, 'heartbeat write failed'));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  record(now = Date.now()): HeartbeatRecord {
    return {
      service: this.options.service,
      version: this.options.version,
      pid: process.pid,
      host: hostname(),
      port: this.options.port ?? null,
      startedAt: this.startedAt,
      ts: now,
      uptimeSec: Math.round((now - this.startedAt) / 1000),
      intervalMs: this.options.intervalMs,
      truthVersion: this.options.truthVersion(),
      restartNeeded: this.options.restartNeeded?.() ?? [],
    };
  }

  private async beat(): Promise<void> {
    await this.redis.set(heartbeatKey(this.options.service), JSON.stringify(this.record()), 'EX', this.options.ttlSec);
  }

  /** On a clean stop the key goes at once, so `./admin status` says "missing", not "stale". */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.redis.del(heartbeatKey(this.options.service)).catch(() => undefined);
  }
}
