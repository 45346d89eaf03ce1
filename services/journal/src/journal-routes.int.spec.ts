import { describeNestServiceRoutes } from '@marketswarm/shared/testing/nest';
import { AppModule, JOURNAL_OPENAPI_PATH } from './app.module.js';

describeNestServiceRoutes({
  id: 'journal',
  root: (ctx) => AppModule.register(ctx),
  openApiPath: JOURNAL_OPENAPI_PATH,
  policies: {
    'GET /health': 'public',
    'GET /metrics': 'public',
    'GET /api/journal/openapi.json': 'public',
    'GET /api/journal/edge': 'session',
    'POST /api/journal/edge': 'session',
  },
});
