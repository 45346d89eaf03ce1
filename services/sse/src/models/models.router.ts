import { Router } from 'express';
import { z } from 'zod';
import type { Redis } from 'ioredis';
import { symbolInputSchema, type TopicName } from '@marketswarm/shared/events';
import { readSnapshot } from '@marketswarm/shared/bus';
import { HttpError, zodIssues } from '@marketswarm/shared/http';
import type { TruthDoc } from '@marketswarm/shared/truth';
import { candleHistoryRequestSchema } from '@marketswarm/shared/dto';
import { readCandleHistory } from './candle-history.js';

/** The market models served as REST snapshots, by URL name. */
const MODEL_TOPICS = { spot: 'spot', candles: 'candles', heatmap: 'heatmap', gex: 'gex', mode: 'mode', bias: 'bias', selector: 'selector' } as const satisfies Record<string, TopicName>;

const paramsSchema = z.object({
  model: z.enum(Object.keys(MODEL_TOPICS) as [keyof typeof MODEL_TOPICS]),
  symbol: symbolInputSchema.optional(),
});

export interface ModelsDeps {
  truth: () => TruthDoc;
  market: Redis;
}

/**
 * GET /api/models/:model[/:symbol] — the latest snapshot the producers keep, the same state a new
 * SSE connection receives first. Entries that fail the contract are left out, never sent.
 * GET /api/models/candles/:symbol/history?interval=1m&limit=500 — one symbol's candles of one
 * interval from the candles stream, oldest first (the newest version of each candle).
 */
export function createModelsRouter(deps: ModelsDeps): Router {
  const router = Router();
  // Registered before the generic routes so no `/:model/...` pattern can ever take it.
  router.get('/candles/:symbol/history', async (req, res) => {
    const parsed = candleHistoryRequestSchema.safeParse({ ...req.query, symbol: req.params['symbol'] });
    if (!parsed.success) throw new HttpError(400, 'invalid candle history request', zodIssues(parsed.error));
    const stream = deps.truth().topics['candles']?.stream;
    if (!stream) throw new HttpError(404, 'no stream is kept for candles');
    res.json(await readCandleHistory(deps.market, stream, parsed.data));
  });
  router.get(['/:model', '/:model/:symbol'], async (req, res) => {
    const parsed = paramsSchema.safeParse(req.params);
    if (!parsed.success) {
      const unknownModel = parsed.error.issues.some((i) => i.path[0] === 'model');
      if (unknownModel) throw new HttpError(404, `no model "${String(req.params['model'])}" (models: ${Object.keys(MODEL_TOPICS).join(', ')})`);
      throw new HttpError(400, 'invalid symbol', zodIssues(parsed.error));
    }
    const topic = MODEL_TOPICS[parsed.data.model];
    const route = deps.truth().topics[topic];
    if (!route?.snapshot) throw new HttpError(404, `no snapshot is kept for ${topic}`);
    const { events } = await readSnapshot(deps.market, route, topic);
    const items = events.filter((e) => parsed.data.symbol === undefined || e.data['symbol'] === parsed.data.symbol);
    if (parsed.data.symbol !== undefined && items.length === 0) {
      throw new HttpError(404, `no ${topic} snapshot for ${parsed.data.symbol} yet`);
    }
    res.json({ model: parsed.data.model, items });
  });
  return router;
}
