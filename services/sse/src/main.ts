import { closeServer, listen } from '@marketswarm/shared/http';
import { bootService, packageVersion, runMain } from '@marketswarm/shared/service';
import { createGatewayApp } from './app.js';

runMain('sse', async () => {
  const ctx = await bootService({ id: 'sse', version: packageVersion(import.meta.url) });
  const server = await listen(createGatewayApp(ctx), ctx.config.port ?? 3001, ctx.config.host);
  ctx.onShutdown(() => closeServer(server));
});
