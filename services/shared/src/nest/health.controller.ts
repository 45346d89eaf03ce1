import { Controller, Get, Inject } from '@nestjs/common';
import type { HealthInfo } from '../http/index.js';
import type { ServiceContext } from '../service/index.js';
import { SERVICE_CONTEXT } from './service-context.token.js';

@Controller('health')
export class HealthController {
  constructor(@Inject(SERVICE_CONTEXT) private readonly ctx: ServiceContext) {}

  @Get()
  health(): HealthInfo {
    return this.ctx.health();
  }
}
