import type { RequestHandler } from 'express';
import { hasExtension } from './request-path.js';

/** Prefixes nginx routes to the backends; a request for them that lands here is a miss, never the SPA. */
const BACKEND_PREFIXES = ['/api/', '/sse/', '/ws/'];

/** A GET/HEAD for a client-side route: no file extension and not a backend path. */
export function isSpaRoute(method: string, rawPath: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (BACKEND_PREFIXES.some((prefix) => rawPath.startsWith(prefix) || `${rawPath}/` === prefix)) return false;
  return !hasExtension(rawPath);
}

/** Rewrites client-side routes to index.html; the handlers after it serve that file like any other. */
export function spaFallback(index = '/index.html'): RequestHandler {
  return (req, _res, next) => {
    if (isSpaRoute(req.method, req.path)) req.url = index;
    next();
  };
}
