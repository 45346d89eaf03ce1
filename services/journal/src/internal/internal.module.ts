import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { PromptAlertsModule } from '../prompt-alerts/prompt-alerts.module.js';
import { InternalController } from './internal.controller.js';
import { InternalService } from './internal.service.js';
import { InternalTokenGuard } from './internal-token.guard.js';

/** `/api/internal/*`: the evaluator's reads (alerts, prompt alerts, filled orders) and reports, behind the internal token. */
@Module({
  imports: [AlertsModule, PromptAlertsModule, OrdersModule],
  controllers: [InternalController],
  providers: [InternalService, InternalTokenGuard],
})
export class InternalModule {}
