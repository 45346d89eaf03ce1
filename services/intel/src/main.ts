import { closeServer, listen } from '@marketswarm/shared/http';
import { bootService, packageVersion, runMain } from '@marketswarm/shared/service';
import { createIntelApp } from './app.js';

runMain('intel', async () => {
  const ctx = await bootService({ id: 'intel', version: packageVersion(import.meta.url) });
  const server = await listen(createIntelApp(ctx), ctx.config.port ?? 3011, ctx.config.host);
  ctx.onShutdown(() => closeServer(server));
});
