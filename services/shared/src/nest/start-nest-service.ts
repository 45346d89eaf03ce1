import 'reflect-metadata';
import type { Server } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { requestLogging } from '../http/index.js';
import type { ServiceContext } from '../service/index.js';
import { GlobalExceptionFilter } from './global-exception.filter.js';
import { PinoNestLogger } from './pino-nest-logger.js';

/**
 * Creates and starts a NestJS service on a booted context, the same way for journal and copilot:
 * pino logging with request ids, the shared error body, keep-alive beyond nginx's, close on shutdown.
 */
export async function startNestService(ctx: ServiceContext, root: DynamicModule, defaultPort: number): Promise<NestExpressApplication<Server>> {
  // abortOnError: false lets a failing module init reach runMain instead of process.abort().
  const app = await NestFactory.create<NestExpressApplication<Server>>(root, {
    logger: new PinoNestLogger(ctx.logger),
    abortOnError: false,
  });
  ctx.onShutdown(() => app.close());
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLogging(ctx.logger));
  app.useGlobalFilters(new GlobalExceptionFilter(app.get(HttpAdapterHost), ctx.logger));
  // Nest owns its HTTP server (copilot's WebSockets attach to it), so tune keep-alive here.
  app.getHttpServer().keepAliveTimeout = 65_000;
  app.getHttpServer().headersTimeout = 66_000;
  await app.listen(ctx.config.port ?? defaultPort, ctx.config.host);
  return app;
}
