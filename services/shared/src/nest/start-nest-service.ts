import 'reflect-metadata';
import type { Server } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { API_CONTENT_SECURITY_POLICY, notFoundHandler, requestLogging, requestMetrics, securityHeaders } from '../http/index.js';
import type { ServiceContext } from '../service/index.js';
import { GlobalExceptionFilter } from './global-exception.filter.js';
import { NEST_API_PREFIX, NEST_UNPREFIXED } from './nest-route-table.js';
import { PinoNestLogger } from './pino-nest-logger.js';

/**
 * Creates and initialises (without listening) a NestJS service on a booted context, the same way for journal and
 * copilot: routes under `/api` (the paths nginx passes through unchanged; `/health` and `/metrics`
 * stay at the root), the shared security headers, pino logging with request ids and the shared error
 * body (NestEdgeModule brings the guards and the JSON body parser).
 * Specs use it to walk the app's routes; `startNestService` also listens.
 */
export async function createNestService(ctx: Pick<ServiceContext, 'logger' | 'metrics' | 'onShutdown'>, root: DynamicModule): Promise<NestExpressApplication<Server>> {
  // abortOnError: false lets a failing module init reach runMain instead of process.abort().
  // bodyParser: false — NestEdgeModule's JsonBodyInterceptor parses once the guards pass, answering 400/413/415 as the gateway does.
  const app = await NestFactory.create<NestExpressApplication<Server>>(root, {
    logger: new PinoNestLogger(ctx.logger),
    abortOnError: false,
    bodyParser: false,
  });
  ctx.onShutdown(() => app.close());
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // The same headers as the gateway: nginx replaces them at the edge, a direct call still gets them.
  app.use(securityHeaders(API_CONTENT_SECURITY_POLICY));
  app.use(requestLogging(ctx.logger));
  app.use(requestMetrics(ctx.metrics));
  app.setGlobalPrefix(NEST_API_PREFIX, { exclude: [...NEST_UNPREFIXED] });
  app.useGlobalFilters(new GlobalExceptionFilter(app.get(HttpAdapterHost), ctx.logger));
  await app.init();
  // Nest answers misses under the prefix itself; anything else (`/nope`) would get Express's HTML page.
  app.use(notFoundHandler);
  return app;
}

/** createNestService, then listen on the truth port (or `PORT`), keep-alive beyond nginx's. */
export async function startNestService(ctx: ServiceContext, root: DynamicModule, defaultPort: number): Promise<NestExpressApplication<Server>> {
  const app = await createNestService(ctx, root);
  // Nest owns its HTTP server (copilot's WebSockets attach to it), so tune keep-alive here.
  app.getHttpServer().keepAliveTimeout = 65_000;
  app.getHttpServer().headersTimeout = 66_000;
  await app.listen(ctx.config.port ?? defaultPort, ctx.config.host);
  return app;
}
