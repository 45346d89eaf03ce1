import { type DynamicModule, Global, Module } from '@nestjs/common';
import { copilotSettings } from '@marketswarm/shared/truth';
import { HealthModule, NestEdgeModule, ServiceContextModule, sessionCheckOptionsOf, startNestService } from '@marketswarm/shared/nest';
import { bootService, runMain, type ServiceContext } from '@marketswarm/shared/service';
import { AlertsEngineModule } from '../alerts-engine.module.js';
import { FiredAlerts } from '../fired-alerts.js';

/** FiredAlerts as the copilot's AppModule provides it: one per process, for every module. */
@Global()
@Module({ providers: [FiredAlerts], exports: [FiredAlerts] })
class FiredAlertsModule {}

/** The copilot's composition (shared edge, health) with only the alert engine in it. */
@Module({})
class AlertEngineProcessModule {
  static register(ctx: ServiceContext): DynamicModule {
    return {
      module: AlertEngineProcessModule,
      imports: [ServiceContextModule.forRoot(ctx), HealthModule, NestEdgeModule.forRoot({ session: sessionCheckOptionsOf(ctx, copilotSettings), openApi: { path: 'mel/openapi.json', info: { title: 'alert engine process', version: ctx.version } } }), FiredAlertsModule, AlertsEngineModule],
    };
  }
}

/**
 * A copilot process that runs the alert engine exactly as the copilot's main does (boot, Nest,
 * shutdown hooks), so the restart spec can SIGKILL and restart real processes. Run from
 * `dist/alerts/testing/alert-engine-process.js`; never started by pm2.
 */
runMain('copilot', async () => {
  const ctx = await bootService({ id: 'copilot', version: '0.0.0' });
  await startNestService(ctx, AlertEngineProcessModule.register(ctx), 8095);
});
