import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';

/** Operational endpoints: `GET /health` for pm2/nginx/tests, `GET /metrics` for Prometheus. */
@Module({
  controllers: [HealthController, MetricsController],
})
export class HealthModule {}
