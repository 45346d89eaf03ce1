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
    'GET /api/logs': 'session',
    'POST /api/logs': 'session',
    'GET /api/logs/:id': 'session',
    'PATCH /api/logs/:id': 'session',
    'DELETE /api/logs/:id': 'session',
    'POST /api/logs/:id/archive': 'session',
    'POST /api/logs/:id/reactivate': 'session',
    'POST /api/logs/:id/default': 'session',
    'GET /api/logs/:id/trades': 'session',
    'POST /api/logs/:id/trades': 'session',
    'POST /api/logs/:id/import': 'session',
    'GET /api/logs/:id/export': 'session',
    'GET /api/trades/:id': 'session',
    'POST /api/trades/:id/close': 'session',
    'POST /api/trades/:id/adjust': 'session',
    'PATCH /api/trades/:id': 'session',
    'GET /api/symbols': 'session',
    'POST /api/symbols': 'session',
    'PUT /api/symbols/:symbol': 'session',
    'DELETE /api/symbols/:symbol': 'session',
    'GET /api/tags': 'session',
    'POST /api/tags': 'session',
    'PATCH /api/tags/:id': 'session',
    'DELETE /api/tags/:id': 'session',
    'GET /api/settings': 'session',
    'GET /api/settings/:key': 'session',
    'PUT /api/settings/:key': 'session',
    'GET /api/analytics': 'session',
  },
});
