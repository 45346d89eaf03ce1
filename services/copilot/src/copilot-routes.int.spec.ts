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
    'GET /api/mel/snapshot': 'session',
    'GET /api/mel/models/:model': 'session',
    'GET /api/mel/history': 'session',
    'GET /api/mel/state': 'session',
    'GET /api/adi/schema': 'session',
    'GET /api/adi/snapshot': 'session',
    'GET /api/adi/snapshot/:section': 'session',
    'GET /api/commentary': 'session',
    'GET /api/commentary/config': 'session',
    'PUT /api/commentary/config': 'session',
    'POST /api/commentary/trigger': 'session',
  },
});
