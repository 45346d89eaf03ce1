import { startNestService } from '@marketswarm/shared/nest';
import { bootService, packageVersion, runMain } from '@marketswarm/shared/service';
import { AppModule } from './app.module.js';
import { openJournalDatabase } from './database/open-journal-database.js';

runMain('journal', async () => {
  const ctx = await bootService({ id: 'journal', version: packageVersion(import.meta.url) });
  const database = await openJournalDatabase(ctx);
  await startNestService(ctx, AppModule.register(ctx, database), 3002);
});
