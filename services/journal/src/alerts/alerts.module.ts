import { Module } from '@nestjs/common';
import { AlertSyncPublisher } from './alert-sync.publisher.js';
import { AlertsController } from './alerts.controller.js';
import { alertsRepositoryProvider } from './alerts.providers.js';
import { AlertsService } from './alerts.service.js';

/**
 * Alerts: `/api/alerts`, and the repository and sync publisher the internal API records hits with;
 * AlertsService.forgetTargets for the code that deletes saved positions and trades.
 */
@Module({
  controllers: [AlertsController],
  providers: [alertsRepositoryProvider, AlertSyncPublisher, AlertsService],
  exports: [alertsRepositoryProvider, AlertSyncPublisher, AlertsService],
})
export class AlertsModule {}
