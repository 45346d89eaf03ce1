import type { RequestListener } from 'node:http';
import type { Logger } from '@marketswarm/shared/logger';
import type { SseHandler } from './streaming/sse-handler.js';

/** `/sse/*` goes straight to the stream handler; everything else to the Express app. */
export function gatewayListener(streams: SseHandler, app: RequestListener, logger: Logger): RequestListener {
  return (req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/sse/') || url === '/sse' || url.startsWith('/sse?')) {
      streams(req, res).catch((error: unknown) => {
        logger.error({ err: (error as Error).message }, 'stream request failed');
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"statusCode":500,"error":"Internal Server Error","message":"internal error"}');
        else res.destroy();
      });
      return;
    }
    app(req, res);
  };
}
