import { Controller, Get, Inject } from '@nestjs/common';
import type { HealthInfo } from '@marketswarm/shared/http';
import type { ServiceContext } from '@marketswarm/shared/service';
import { SERVICE_CONTEXT } from '../common/service-context.token.js';

@Controller('health')
export class HealthController {
  constructor(@Inject(SERVICE_CONTEXT) private readonly ctx: ServiceContext) {}

  @Get()
  health(): HealthInfo {
    return this.ctx.health();
  }
}
