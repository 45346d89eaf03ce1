import { Controller, Get, Inject } from '@nestjs/common';
import type { HealthInfo } from '../http/index.js';
import type { ServiceContext } from '../service/index.js';
import { Public } from './edge-metadata.js';
import { SERVICE_CONTEXT } from './service-context.token.js';

// Public on the service's own port: pm2, tests and Prometheus ask without a session; nginx never routes it.
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(SERVICE_CONTEXT) private readonly ctx: ServiceContext) {}

  @Get()
  health(): HealthInfo {
    return this.ctx.health();
  }
}
