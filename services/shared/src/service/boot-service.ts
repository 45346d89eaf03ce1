import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { RedisBus } from '../bus/redis-bus.js';
import { openRedis } from '../bus/redis-connection.js';
import { instanceServiceId } from '../config/gateway-instances.js';
import { resolveServiceConfig, type ServiceConfig } from '../config/service-config.js';
import { systemRedisUrl } from '../config/stack-addresses.js';
import { HeartbeatWriter } from '../heartbeat/heartbeat-writer.js';
import { healthPayload, type HealthInfo } from '../http/health.js';
import { createLogger } from '../logger/create-logger.js';
import { createMetricsRegistry } from '../metrics/create-metrics.js';
import { readTruth, TRUTH_KEYS, type StoredTruth } from '../truth/truth-store.js';
import { RunningSettings } from './running-settings.js';
import { waitForTruth } from './wait-for-truth.js';

/** `/health` of every process: the shared fields plus the loaded settings that wait for a restart. */
export interface ServiceHealth extends HealthInfo {
  restartNeeded: string[];
}

export interface ServiceContext {
  readonly id: string;
  readonly version: string;
  readonly startedAt: number;
  readonly config: ServiceConfig;
  readonly logger: Logger;
  readonly bus: RedisBus;
  readonly metrics: Registry;
  readonly truth: () => StoredTruth;
  /**
   * This component's settings, parsed at boot with the schema registered in the shared library:
   * `ctx.settings.of(sseSettings)`. Live ones follow `truth:reload`; the others are listed in
   * `/health` and the heartbeat as `restartNeeded` once a loaded truth changes them.
   */
  readonly settings: RunningSettings;
  readonly health: () => ServiceHealth;
  /** Called after a `./admin load-truth` published a new version. */
  onReload(listener: (truth: StoredTruth) => void): void;
  /** Closers run in reverse order of registration on SIGTERM/SIGINT. */
  onShutdown(closer: () => Promise<void> | void): void;
  shutdown(reason: string): Promise<void>;
}

export interface BootOptions {
  id: string;
  version: string;
  env?: NodeJS.ProcessEnv;
  truthTimeoutMs?: number;
  /** Tests boot several services in one process and handle signals themselves. */
  handleSignals?: boolean;
}

/** The start-up every process shares: truth, config, Redis, metrics, heartbeat, reload and shutdown. */
export async function bootService(options: BootOptions): Promise<ServiceContext> {
  const env = options.env ?? process.env;
  const startedAt = Date.now();
  const logger = createLogger(options.id, env['LOG_LEVEL'] || 'info');
  const systemUrl = systemRedisUrl(env);

  const bootRedis = openRedis(systemUrl, `${options.id}:boot`, logger);
  let current: StoredTruth;
  try {
    current = await waitForTruth(bootRedis, systemUrl, logger, options.truthTimeoutMs ?? 30_000);
  } finally {
    bootRedis.disconnect();
  }
  const config = resolveServiceConfig(current.doc, options.id, env);
  const settings = RunningSettings.boot(current.doc, options.id);
  logger.level = config.logLevel;

  const bus = new RedisBus(config.redis, logger, options.id);
  const metrics = createMetricsRegistry(options.id);
  const heartbeat = new HeartbeatWriter(
    bus.get('system'),
    // A second gateway on this host (MS_INSTANCE=2) beats as `sse-2`, so the two never overwrite one record.
    { service: instanceServiceId(options.id, env), version: options.version, port: config.port, ...config.heartbeat, truthVersion: () => current.version, restartNeeded: () => settings.restartNeeded() },
    logger,
  );
  await heartbeat.start();

  const reloadListeners: Array<(truth: StoredTruth) => void> = [];
  const closers: Array<() => Promise<void> | void> = [];
  const subscriber = bus.dedicated('system', 'reload');
  await subscriber.subscribe(TRUTH_KEYS.reloadChannel);
  subscriber.on('message', () => {
    readTruth(bus.get('system'))
      .then((truth) => {
        if (!truth || truth.version === current.version) return;
        // Invalid settings throw here, before anything changes: the process keeps its truth.
        const outcome = settings.reload(truth.doc);
        logger.info({ from: current.version, to: truth.version, ...outcome }, 'truth reloaded');
        if (outcome.restartNeeded.length > 0) logger.warn({ settings: outcome.restartNeeded }, 'restart needed to apply loaded settings');
        current = truth;
        for (const listener of reloadListeners) listener(truth);
      })
      .catch((error: unknown) => logger.error({ err: (error as Error).message }, 'truth reload failed; keeping the previous truth'));
  });

  let stopping: Promise<void> | undefined;
  const ctx: ServiceContext = {
    id: options.id,
    version: options.version,
    startedAt,
    config,
    logger,
    bus,
    metrics,
    truth: () => current,
    settings,
    health: () => ({ ...healthPayload(options.id, options.version, startedAt, current.version), restartNeeded: settings.restartNeeded() }),
    onReload: (listener) => void reloadListeners.push(listener),
    onShutdown: (closer) => void closers.push(closer),
    shutdown: (reason) =>
      (stopping ??= (async () => {
        logger.info({ reason }, 'shutting down');
        for (const closer of [...closers].reverse()) {
          await Promise.resolve(closer()).catch((error: unknown) => logger.warn({ err: (error as Error).message }, 'closer failed'));
        }
        await heartbeat.stop();
        await bus.close();
      })()),
  };

  if (options.handleSignals ?? true) installSignalHandlers(ctx);
  logger.info({ port: config.port, truthVersion: current.version, redis: Object.keys(config.redis) }, 'service booted');
  return ctx;
}

function installSignalHandlers(ctx: ServiceContext): void {
  const stop = (signal: string) => {
    // A hung closer must not keep pm2 waiting forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    ctx.shutdown(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (error) => {
    ctx.logger.fatal({ err: error }, 'unhandled rejection');
    process.exit(1);
  });
}

/** Runs a service's main and turns a boot failure into one clear fatal line and exit code 1. */
export function runMain(id: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    createLogger(id).fatal({ err: error instanceof Error ? error.message : String(error) }, 'failed to start');
    process.exit(1);
  });
}
