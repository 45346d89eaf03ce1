import type { ServerResponse } from 'node:http';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { ServiceContext } from '../service/index.js';
import { Public } from './edge-metadata.js';
import { SERVICE_CONTEXT } from './service-context.token.js';

/** Prometheus scrape endpoint for the process registry (`ms_*` default metrics, `service` label). */
// Public on the service's own port: pm2, tests and Prometheus ask without a session; nginx never routes it.
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(SERVICE_CONTEXT) private readonly ctx: ServiceContext) {}

  @Get()
  metrics(@Res({ passthrough: true }) res: ServerResponse): Promise<string> {
    res.setHeader('Content-Type', this.ctx.metrics.contentType);
    return this.ctx.metrics.metrics();
  }
}
