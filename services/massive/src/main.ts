import { closeServer, listen } from '@marketswarm/shared/http';
import { bootService, packageVersion, runMain } from '@marketswarm/shared/service';
import { createMassiveApp } from './app.js';

runMain('massive', async () => {
  const ctx = await bootService({ id: 'massive', version: packageVersion(import.meta.url) });
  const server = await listen(createMassiveApp(ctx), ctx.config.port ?? 3010, ctx.config.host);
  ctx.onShutdown(() => closeServer(server));
});
