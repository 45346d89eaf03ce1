import type { Request, RequestHandler } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * `ms_http_requests_total` and `ms_http_request_duration_seconds` by method, route pattern and status
 * — the inputs of the 5xx-rate alert. The label is the matched pattern (`/api/trades/:id`), never the
 * raw path, so ids cannot blow up the series count; what matched no route is `unmatched`, or
 * `options.unmatched` for a server whose answers come from middleware rather than routes (the
 * static file server calls them `static`: every file would otherwise read as a stray request).
 */
export function requestMetrics(registry: Registry, options: { unmatched?: string } = {}): RequestHandler {
  const unmatched = options.unmatched ?? 'unmatched';
  const requests =
    (registry.getSingleMetric('ms_http_requests_total') as Counter<'method' | 'route' | 'status'> | undefined) ??
    new Counter({ name: 'ms_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration =
    (registry.getSingleMetric('ms_http_request_duration_seconds') as Histogram<'method' | 'route'> | undefined) ??
    new Histogram({
      name: 'ms_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routeLabel(req) ?? unmatched;
      if (route === '/metrics' || route === '/health') return;
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
      duration.observe({ method: req.method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}

function routeLabel(req: Request): string | undefined {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : undefined;
}
