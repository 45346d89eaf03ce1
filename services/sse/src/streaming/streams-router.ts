import { Router } from 'express';
import { createSseHandler, type SseHandlerDeps } from './sse-handler.js';

/** Every `/sse/*` path goes through one handler; it answers 404 itself for unknown streams. */
export function createStreamsRouter(deps: SseHandlerDeps): Router {
  const router = Router();
  router.get(/.*/, createSseHandler(deps));
  return router;
}
