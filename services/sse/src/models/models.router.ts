import { Router } from 'express';
import type { ExpressEdge } from '@marketswarm/shared/edge';
import type { ModelsService } from './models.service.js';
import { candleHistoryParamsSchema, candleHistoryQuerySchema, candleHistorySchema, modelParamsSchema, modelSnapshotSchema } from './models.schemas.js';

/**
 * `/api/models` (signed in): the latest snapshot the producers keep for a model — the same state
 * a new SSE connection receives first — and one symbol's candle history from the candles stream.
 */
export function createModelsRouter(edge: ExpressEdge, models: ModelsService): Router {
  const router = Router();
  // Registered before the generic routes so no `/:model/...` pattern can ever take it.
  router.get(
    '/candles/:symbol/history',
    edge.route(
      'session',
      {
        summary: "One symbol's candles of one interval, oldest first (the newest version of each)",
        params: candleHistoryParamsSchema,
        query: candleHistoryQuerySchema,
        responses: { 200: candleHistorySchema },
      },
      async ({ params, query }, _req, res) => void res.json(await models.candleHistory({ ...query, ...params })),
    ),
  );
  router.get(
    ['/:model', '/:model/:symbol'],
    edge.route(
      'session',
      {
        summary: 'The latest snapshot of a model, for every symbol or one',
        params: modelParamsSchema,
        responses: { 200: modelSnapshotSchema },
        errors: { 404: '`not-found`: no such model, or no data for the symbol yet' },
      },
      async ({ params }, _req, res) => void res.json(await models.latest(params.model, params.symbol)),
    ),
  );
  return router;
}
