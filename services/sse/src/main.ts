import { authenticate } from '@marketswarm/shared/auth';
import { boundPort, closeServer, listen } from '@marketswarm/shared/http';
import { bootService, packageVersion, runMain } from '@marketswarm/shared/service';
import { sseSettings } from '@marketswarm/shared/truth';
import { createGatewayApp } from './app.js';
import { gatewayListener } from './gateway-listener.js';
import { createAuthDeps } from './auth/auth-deps.js';
import { gatewayApi } from './gateway-api.js';
import { startGatewayPresence } from './ops/gateway-presence.js';
import { Fanout } from './streaming/fanout.js';
import { SessionWatch } from './streaming/session-watch.js';
import { createGatewayMetrics } from './streaming/gateway-metrics.js';
import { createSseHandler } from './streaming/sse-handler.js';
import { loadCursorKey } from './streaming/cursor-key.js';
import { PositionSeal } from './streaming/position-seal.js';
import { CursorCodec } from './streaming/resume-cursor.js';

runMain('sse', async () => {
  const ctx = await bootService({ id: 'sse', version: packageVersion(import.meta.url) });
  // `settings` is updated in place on truth:reload for its live keys (read per connection below).
  const { settings, node } = ctx.settings.of(sseSettings);
  const metrics = createGatewayMetrics(ctx.metrics);
  const auth = createAuthDeps(ctx.bus.get('system'), { sessionTtlSec: node.sessionTtlSec });

  const fanout = new Fanout(ctx.truth().doc, ctx.bus, metrics, ctx.logger, { keepaliveMs: settings.keepaliveMs });
  await fanout.start();
  const sessionWatch = new SessionWatch(fanout.registry, auth.redis, ctx.bus.dedicated('system', 'sessions'), ctx.logger, settings.keepaliveMs);
  await sessionWatch.start();

  const codec = new CursorCodec(new PositionSeal(await loadCursorKey(auth.redis)));
  const streams = createSseHandler({
    truth: () => ctx.truth().doc,
    bus: ctx.bus,
    fanout,
    metrics,
    codec,
    logger: ctx.logger,
    authenticate: async (cookieHeader) => {
      const who = await authenticate(cookieHeader, auth.redis, { ttlSec: auth.sessionTtlSec, renewAfterSec: auth.renewAfterSec });
      return who ? { id: who.user.id, role: who.user.role, sessionId: who.session.id } : null;
    },
    settings,
  });
  const app = createGatewayApp(ctx, {
    cors: settings.cors,
    api: gatewayApi({
      auth,
      truth: ctx.truth,
      market: ctx.bus.get('market'),
      redisFor: (bus) => ctx.bus.get(bus),
      connections: () => fanout.registry.stats(),
      logger: ctx.logger,
      ingest: () => settings.ingest,
      registry: ctx.metrics,
      truthFile: process.env['MS_TRUTH_FILE'] || undefined,
    }),
  });
  const server = await listen(gatewayListener(streams, app, ctx.logger), ctx.config.port ?? 3001, ctx.config.host);
  // Closers run last-registered first: tell clients to reconnect elsewhere, then close the server.
  ctx.onShutdown(() => closeServer(server));
  ctx.onShutdown(() => fanout.stop());
  ctx.onShutdown(() => sessionWatch.stop());
  const presence = startGatewayPresence({ redis: auth.redis, fanout, port: boundPort(server), logger: ctx.logger });
  // Registered last, so it runs first: operators see this gateway leave before its streams close.
  ctx.onShutdown(() => presence.stop());
});
