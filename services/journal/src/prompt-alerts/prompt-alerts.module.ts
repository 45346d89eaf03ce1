import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { PromptAlertsController } from './prompt-alerts.controller.js';
import { promptAlertsRepositoryProvider } from './prompt-alerts.providers.js';
import { PromptAlertsService } from './prompt-alerts.service.js';

/** Prompt alerts: `/api/prompt-alerts`, and the repository the internal API moves stages with. */
@Module({
  imports: [AlertsModule],
  controllers: [PromptAlertsController],
  providers: [promptAlertsRepositoryProvider, PromptAlertsService],
  exports: [promptAlertsRepositoryProvider],
})
export class PromptAlertsModule {}
