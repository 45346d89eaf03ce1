import 'reflect-metadata';
import type { Server } from 'node:http';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { requestLogging } from '@marketswarm/shared/http';
import { bootService, packageVersion, runMain } from '@marketswarm/shared/service';
import { AppModule } from './app.module.js';
import { GlobalExceptionFilter } from './common/global-exception.filter.js';
import { PinoNestLogger } from './common/pino-nest-logger.js';

runMain('journal', async () => {
  const ctx = await bootService({ id: 'journal', version: packageVersion(import.meta.url) });
  // abortOnError: false lets a failing module init reach runMain instead of process.abort().
  const app = await NestFactory.create<NestExpressApplication<Server>>(AppModule.register(ctx), {
    logger: new PinoNestLogger(ctx.logger),
    abortOnError: false,
  });
  ctx.onShutdown(() => app.close());
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLogging(ctx.logger));
  app.useGlobalFilters(new GlobalExceptionFilter(app.get(HttpAdapterHost), ctx.logger));
  // Outlive nginx's upstream keepalive, as the shared listen() does for the Express services.
  app.getHttpServer().keepAliveTimeout = 65_000;
  app.getHttpServer().headersTimeout = 66_000;
  await app.listen(ctx.config.port ?? 3002, ctx.config.host);
});
