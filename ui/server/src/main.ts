import { closeServer, listen } from '@marketswarm/shared/http';
import { bootService, packageVersion, runMain } from '@marketswarm/shared/service';
import { staticSettings } from '@marketswarm/shared/truth';
import { createStaticApp } from './static-app.js';
import { servableRoot } from './static-root.js';

runMain('static', async () => {
  const ctx = await bootService({ id: 'static', version: packageVersion(import.meta.url) });
  const root = await servableRoot(ctx.settings.of(staticSettings).settings).catch(async (error: unknown) => {
    await ctx.shutdown('nothing to serve');
    throw error;
  });
  const app = createStaticApp({ root, logger: ctx.logger, metrics: ctx.metrics, health: ctx.health });
  const server = await listen(app, ctx.config.port ?? 5173, ctx.config.host);
  ctx.onShutdown(() => closeServer(server));
  ctx.logger.info({ root }, 'serving the SPA');
});
