import express, { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { publicRoute, routeHandlers } from './route.js';
import { routeTable } from './route-table.js';
import { requireRole, requireSession } from './session.middleware.js';
import type { SessionCheckOptions } from './session-checks.js';

// Walking the router never calls a guard, so the session options are never used.
const options = {} as SessionCheckOptions;
const ok: express.RequestHandler = (_req, res) => void res.end();
const answer = (_input: unknown, _req: express.Request, res: express.Response) => void res.end();
const policies = (app: object) => Object.fromEntries(routeTable(app).map((e) => [`${e.method} ${e.path}`, e.policy]));

describe(routeTable.name, () => {
  it('reads the policy of the guards in front of each route, and none for a route nobody decided', () => {
    const app = express();
    app.get('/open', publicRoute({ summary: 'open', responses: { 200: null } }, answer));
    app.get('/mine', requireSession(options), ok);
    app.get('/ops', requireSession(options), requireRole('admin'), ok);
    app.get('/forgotten', ok);
    expect(policies(app)).toStrictEqual({ 'GET /open': 'public', 'GET /mine': 'session', 'GET /ops': 'admin', 'GET /forgotten': undefined });
  });

  it('counts a guard mounted with use() only for routes after it and under its path', () => {
    const router = Router();
    router.get('/before', ok);
    router.use(requireSession(options));
    router.get('/after', ok);
    const app = express();
    app.get('/api/early', ok);
    app.use('/api/area', router);
    app.use('/api/admin', requireSession(options), requireRole('admin'));
    app.get('/api/admin/report', ok);
    app.get('/api/administrator', ok);
    expect(policies(app)).toStrictEqual({
      'GET /api/early': undefined,
      'GET /api/area/before': undefined,
      'GET /api/area/after': 'session',
      'GET /api/admin/report': 'admin',
      'GET /api/administrator': undefined,
    });
  });

  it('lists each path of a route and each method with its own guards, and the doc route() attached', () => {
    const app = express();
    const doc = { summary: 'a model', params: z.object({ model: z.string() }), responses: { 200: null } };
    app.get(['/m/:model', '/m/:model/:symbol'], routeHandlers(requireSession(options), 'session', doc, answer, '1kb'));
    app.route('/items').get(ok).post(requireSession(options), ok);
    const table = routeTable(app);
    expect(table.map((e) => [e.method, e.path, e.policy, e.doc?.summary])).toEqual([
      ['GET', '/m/:model', 'session', 'a model'],
      ['GET', '/m/:model/:symbol', 'session', 'a model'],
      ['GET', '/items', undefined, undefined],
      ['POST', '/items', 'session', undefined],
    ]);
  });

  it('refuses a router it cannot read rather than report no routes', () => {
    expect(() => routeTable({})).toThrow(/not an Express app or router/);
    const app = express();
    app.get(/^\/regex$/, ok);
    expect(() => routeTable(app)).toThrow(/is not a string/);
  });
});
