import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Stats } from 'node:fs';
import express, { type Express } from 'express';
import { errorHandler, mountHealth, mountMetrics, notFoundHandler, requestLogging, requestMetrics, securityHeaders } from '@marketswarm/shared/http';
import type { ServiceContext } from '@marketswarm/shared/service';
import { cacheControlFor } from './cache-policy.js';
import { CODING_SUFFIX, CODINGS } from './content-coding.js';
import { forgetCodingOnError, forgetCodingOnMiss, precompressed } from './precompressed.js';
import { SPA_CONTENT_SECURITY_POLICY } from './spa-content-security-policy.js';
import { spaFallback } from './spa-fallback.js';

export interface StaticAppOptions extends Pick<ServiceContext, 'logger' | 'metrics' | 'health'> {
  /** Absolute path of the built SPA (index.html, assets/). */
  root: string;
}

/** The production static server: SPA fallback, precompressed variants, cache policy, ETags. */
export function createStaticApp({ root, logger, metrics, health }: StaticAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // The edge's headers (nginx sends them again and hides these) plus the SPA's policy; no HSTS,
  // which nginx owns: this server must also work over plain HTTP on 127.0.0.1.
  app.use(securityHeaders(SPA_CONTENT_SECURITY_POLICY));
  app.use(requestLogging(logger));
  // Files are served by middleware, not routes: without a name every one would read as unmatched.
  app.use(requestMetrics(metrics, { unmatched: 'static' }));
  mountHealth(app, ['/health'], health);
  mountMetrics(app, metrics);
  app.use(spaFallback());
  app.use(precompressed(root));
  app.use(
    express.static(root, {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      etag: true,
      lastModified: true,
      setHeaders: (res, file, stat: Stats) => setFileHeaders(root, res, file, stat),
    }),
  );
  app.use(forgetCodingOnMiss, notFoundHandler);
  app.use(forgetCodingOnError, errorHandler(logger));
  return app;
}

function setFileHeaders(root: string, res: ServerResponse, file: string, stat: Stats): void {
  let relative = path.relative(root, file).split(path.sep).join('/');
  const coding = CODINGS.find((c) => c === res.getHeader('Content-Encoding'));
  if (coding) {
    relative = relative.slice(0, -CODING_SUFFIX[coding].length);
    // Each coding is its own representation: its ETag must never match another's.
    res.setHeader('ETag', `W/"${stat.size.toString(16)}-${stat.mtime.getTime().toString(16)}-${coding}"`);
  }
  res.setHeader('Cache-Control', cacheControlFor(relative));
}
