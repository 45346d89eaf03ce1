import { openRedis } from '@marketswarm/shared/bus';
import { busNames, type BusName } from '@marketswarm/shared/events';
import { closeServer, listen } from '@marketswarm/shared/http';
import { bootService, createOpsApp, packageVersion, runMain } from '@marketswarm/shared/service';
import { watchSettings } from '@marketswarm/shared/truth';
import { HealthWatch } from './health-watch.js';
import { Pm2Daemon } from './pm2-client.js';
import { createWatchMetrics } from './watch-metrics.js';

runMain('watch', async () => {
  const ctx = await bootService({ id: 'watch', version: packageVersion(import.meta.url) });
  const { settings } = ctx.settings.of(watchSettings);
  // Probing connections fail at once while their Redis is away (no offline queue, one try) instead
  // of queueing commands that would run, late and stale, once it is back.
  const probes = new Map(busNames.map((bus) => [bus, openRedis(ctx.config.redis[bus], `watch:${bus}:probe`, ctx.logger, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })]));
  const redisFor = (bus: BusName) => probes.get(bus) ?? ctx.bus.get(bus);
  ctx.onShutdown(async () => {
    await Promise.all([...probes.values()].map((r) => r.quit().catch(() => r.disconnect())));
  });
  // pm2 hands its PM2_HOME to the processes it runs: this is the daemon that runs the stack.
  const pm2 = new Pm2Daemon(process.env['PM2_HOME'] || undefined);
  ctx.onShutdown(() => pm2.close());

  const watch = new HealthWatch({
    truth: () => ctx.truth().doc,
    settings: () => settings,
    redisFor,
    pm2,
    metrics: createWatchMetrics(ctx.metrics),
    logger: ctx.logger,
    selfId: ctx.id,
    env: process.env,
  });

  const server = await listen(createOpsApp(ctx), ctx.config.port ?? 3012, ctx.config.host);
  ctx.onShutdown(() => closeServer(server));
  watch.start(settings.intervalMs);
  ctx.onShutdown(() => watch.stop());
  ctx.logger.info({ intervalMs: settings.intervalMs, recovery: settings.enabled ? settings.recovery : 'off' }, 'watching the stack');
});
