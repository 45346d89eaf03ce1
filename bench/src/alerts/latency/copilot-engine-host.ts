/**
 * The copilot process exactly as services/copilot/src/main.ts boots it, plus the alert engine's
 * module — for as long as the copilot's AppModule does not import AlertsEngineModule yet. Part B
 * starts the real copilot first and falls back to this host only when the real one exposes no
 * alert engine metrics (the report says which one ran).
 */
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { startNestService } from '@marketswarm/shared/nest';
import { bootService, runMain } from '@marketswarm/shared/service';
import { AlertsEngineModule } from '@marketswarm/copilot/dist/alerts/alerts-engine.module.js';
import { FiredAlerts } from '@marketswarm/copilot/dist/alerts/fired-alerts.js';
import { AppModule } from '@marketswarm/copilot/dist/app.module.js';

@Global()
@Module({ providers: [{ provide: FiredAlerts, useValue: new FiredAlerts() }], exports: [FiredAlerts] })
class FiredAlertsModule {}

@Module({})
class CopilotWithEngine {
  static register(root: DynamicModule): DynamicModule {
    return { module: CopilotWithEngine, imports: [root, FiredAlertsModule, AlertsEngineModule] };
  }
}

runMain('copilot', async () => {
  const ctx = await bootService({ id: 'copilot', version: '0.0.0-bench' });
  await startNestService(ctx, CopilotWithEngine.register(AppModule.register(ctx)), 8095);
});
