import { Module } from '@nestjs/common';
import { AlertLimits } from './alert-limits.js';
import { AlertSyncPublisher } from './alert-sync.publisher.js';
import { AlertsController } from './alerts.controller.js';
import { alertsRepositoryProvider } from './alerts.providers.js';
import { AlertsService } from './alerts.service.js';

/**
 * Alerts: `/api/alerts`, and the repository and sync publisher the internal API records hits with;
 * AlertsService.forgetTargets for the code that deletes saved positions and trades; the role limits
 * prompt alerts share.
 */
@Module({
  controllers: [AlertsController],
  providers: [alertsRepositoryProvider, AlertSyncPublisher, AlertLimits, AlertsService],
  exports: [alertsRepositoryProvider, AlertSyncPublisher, AlertLimits, AlertsService],
})
export class AlertsModule {}
