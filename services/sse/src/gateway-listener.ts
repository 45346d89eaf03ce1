import type { RequestListener } from 'node:http';
import { errorAnswerBody, INTERNAL_ERROR_ANSWER } from '@marketswarm/shared/http';
import type { Logger } from '@marketswarm/shared/logger';
import type { SseHandler } from './streaming/sse-handler.js';

/** `/sse/*` goes straight to the stream handler; everything else to the Express app. */
export function gatewayListener(streams: SseHandler, app: RequestListener, logger: Logger): RequestListener {
  return (req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/sse/') || url === '/sse' || url.startsWith('/sse?')) {
      streams(req, res).catch((error: unknown) => {
        // The stream handler sets the request id first thing; a failure before that has none to echo.
        const header = res.getHeader('X-Request-Id');
        const requestId = typeof header === 'string' ? header : undefined;
        logger.error({ err: (error as Error).message, requestId }, 'stream request failed');
        if (res.headersSent) {
          res.destroy();
          return;
        }
        // Nothing of the error leaks: the shared bare 500, as every other unknown error gets.
        res.writeHead(INTERNAL_ERROR_ANSWER.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(errorAnswerBody(INTERNAL_ERROR_ANSWER, requestId)));
      });
      return;
    }
    app(req, res);
  };
}
