import { startNestService } from '@marketswarm/shared/nest';
import { bootService, packageVersion, runMain } from '@marketswarm/shared/service';
import { AppModule } from './app.module.js';

runMain('journal', async () => {
  const ctx = await bootService({ id: 'journal', version: packageVersion(import.meta.url) });
  await startNestService(ctx, AppModule.register(ctx), 3002);
});
