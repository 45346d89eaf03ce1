import { describeNestServiceRoutes } from '@marketswarm/shared/testing/nest';
import { AppModule, COPILOT_OPENAPI_PATH } from './app.module.js';

describeNestServiceRoutes({
  id: 'copilot',
  root: (ctx) => AppModule.register(ctx),
  openApiPath: COPILOT_OPENAPI_PATH,
  policies: {
    'GET /health': 'public',
    'GET /metrics': 'public',
    'GET /api/mel/openapi.json': 'public',
    'GET /api/mel/edge': 'session',
    'POST /api/mel/edge': 'session',
  },
});
