import { Router, type ErrorRequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { ApiKeyRateLimiter, ApiKeyRepository, UserRepository } from '@marketswarm/shared/auth';
import { ingestAcceptedSchema, ingestBodySchema, ingestParamsSchema } from '@marketswarm/shared/dto';
import { apiKeyRoute } from '@marketswarm/shared/edge';
import type { BusName } from '@marketswarm/shared/events';
import { DomainError } from '@marketswarm/shared/http';
import type { Registry } from '@marketswarm/shared/metrics';
import type { SseSettings, TruthDoc } from '@marketswarm/shared/truth';
import { apiKeyGuard, ingestCaller } from './api-key.guard.js';
import { createIngestMetrics } from './ingest-metrics.js';
import { IngestService } from './ingest.service.js';

export interface IngestRouterDeps {
  /** System Redis: the keys and their rate buckets. */
  system: Redis;
  /** The Redis of each bus, where each topic's stream lives (`(name) => ctx.bus.get(name)`). */
  bus: (name: BusName) => Redis;
  truth: () => Pick<TruthDoc, 'topics'>;
  /** The sse component's `ingest` settings; read per request for the rate, once for the body limit. */
  settings: () => SseSettings['ingest'];
  /** The gateway's metrics registry (ms_ingest_events_total, ms_ingest_rejected_total). */
  registry: Registry;
}

/** `256kb` for 262144: the body limit as express.json takes it and as a 413 names it. */
export function bodyLimit(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024}kb` : `${bytes}b`;
}

/**
 * `/api/ingest` (API key): outside producers publish to the topics their key allows. Bearer only:
 * no cookie is read and no CSRF token is asked for.
 */
export function createIngestRouter(deps: IngestRouterDeps): Router {
  const keys = new ApiKeyRepository(deps.system);
  const metrics = createIngestMetrics(deps.registry);
  const users = new UserRepository(deps.system);
  const ingest = new IngestService({ truth: deps.truth, bus: deps.bus, keys, users, limiter: new ApiKeyRateLimiter(deps.system), limit: () => deps.settings(), metrics });
  const router = Router();
  router.post(
    '/:topic',
    ...apiKeyRoute(
      apiKeyGuard(keys, deps.system),
      {
        summary: 'Publish events to a topic with an API key',
        description:
          'Body `{ type?, data }` or `{ events: [{ type?, data }] }`; each `data` is checked against the topic\'s schema and appended exactly as `./admin publish` does. A per-user topic goes to the user the key is bound to (`./admin key add … --user <id>`).',
        params: ingestParamsSchema,
        body: ingestBodySchema,
        responses: { 201: ingestAcceptedSchema },
        errors: {
          403: "`forbidden`: the topic is outside the key's scope (the message names it and the allowed ones), or the account the key acts for is disabled or gone",
          404: '`not-found`: no such topic',
          429: "`rate-limited`: the key is over its rate; `Retry-After` says when to retry",
          503: '`unavailable`: the Redis holding the keys or the topic is unreachable; nothing was written, and `Retry-After` says when to retry',
        },
      },
      async ({ params, body }, req, res) => {
        res.status(201).json(await ingest.publish(ingestCaller(req), params.topic, body));
      },
      bodyLimit(deps.settings().maxBodyBytes),
    ),
  );
  // Counts every refusal of this router by its code, then hands the error on to the app's handler.
  const countRejection: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
    metrics.rejected.inc({ reason: error instanceof DomainError ? error.code : 'internal' });
    next(error);
  };
  router.use(countRejection);
  return router;
}
