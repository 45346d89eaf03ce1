import { authenticate } from '@marketswarm/shared/auth';
import { closeServer, listen } from '@marketswarm/shared/http';
import { bootService, packageVersion, runMain } from '@marketswarm/shared/service';
import { createGatewayApp } from './app.js';
import { parseGatewaySettings } from './gateway-settings.js';
import { Fanout } from './streaming/fanout.js';
import { createGatewayMetrics } from './streaming/gateway-metrics.js';
import { createStreamsRouter } from './streaming/streams-router.js';

runMain('sse', async () => {
  const ctx = await bootService({ id: 'sse', version: packageVersion(import.meta.url) });
  const settings = parseGatewaySettings(ctx.config.settings);
  const metrics = createGatewayMetrics(ctx.metrics);
  const system = ctx.bus.get('system');
  const sessionOptions = { ttlSec: settings.sessionTtlSec };

  const fanout = new Fanout(ctx.truth().doc, ctx.bus, metrics, ctx.logger, { keepaliveMs: settings.keepaliveMs });
  await fanout.start();

  const streams = createStreamsRouter({
    truth: () => ctx.truth().doc,
    bus: ctx.bus,
    fanout,
    metrics,
    logger: ctx.logger,
    authenticate: async (req) => {
      const who = await authenticate(req.headers.cookie, system, sessionOptions);
      return who ? { id: who.user.id, role: who.user.role } : null;
    },
    settings,
  });
  const app = createGatewayApp(ctx, { streams, api: [] });
  const server = await listen(app, ctx.config.port ?? 3001, ctx.config.host);
  // Closers run last-registered first: tell clients to reconnect elsewhere, then close the server.
  ctx.onShutdown(() => closeServer(server));
  ctx.onShutdown(() => fanout.stop());
});
