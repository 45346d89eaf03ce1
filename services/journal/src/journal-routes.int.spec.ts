import { describeNestServiceRoutes } from '@marketswarm/shared/testing/nest';
import { AppModule, JOURNAL_OPENAPI_PATH } from './app.module.js';
import { createJournalDatabase } from './database/create-journal-database.js';

describeNestServiceRoutes({
  id: 'journal',
  root: (ctx) => {
    // Walking the routes reads no table: an empty in-memory database stands in for the real one.
    const database = createJournalDatabase({ dialect: 'sqlite', file: ':memory:' });
    ctx.onShutdown(() => database.close());
    return AppModule.register(ctx, database);
  },
  openApiPath: JOURNAL_OPENAPI_PATH,
  policies: {
    'GET /health': 'public',
    'GET /metrics': 'public',
    'GET /api/journal/openapi.json': 'public',
    'GET /api/journal/edge': 'session',
    'POST /api/journal/edge': 'session',
  },
});
