import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceContext } from '@marketswarm/shared/service';
import { copilotSettings } from '@marketswarm/shared/truth';
import { edgeProbeController, HealthModule, NestEdgeModule, ServiceContextModule, sessionCheckOptionsOf } from '@marketswarm/shared/nest';
import { AdiModule } from './adi/adi.module.js';
import { AlertsEngineModule } from './alerts/alerts-engine.module.js';
import { FiredAlertsModule } from './alerts/fired-alerts.module.js';
import { BookModule } from './book/book.module.js';
import { CommentaryModule } from './commentary/commentary.module.js';
import { MarketModule } from './market/market.module.js';
import { MelModule } from './mel/mel.module.js';
import { WsModule } from './ws/ws.module.js';

/** Under the `/api` prefix: `/api/mel/openapi.json`, a path nginx already routes to the copilot. */
export const COPILOT_OPENAPI_PATH = 'mel/openapi.json';

/**
 * The copilot's root module: the shared edge (every route behind the session unless `@Public()`),
 * health and metrics, the process-wide readers (market, users' books), the WebSocket server, and
 * the features: MEL, ADI, commentary and the alert engine.
 */
@Module({})
export class AppModule {
  static register(ctx: ServiceContext): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceContextModule.forRoot(ctx),
        HealthModule,
        NestEdgeModule.forRoot({ session: sessionCheckOptionsOf(ctx, copilotSettings), openApi: { path: COPILOT_OPENAPI_PATH, info: { title: 'MarketSwarm copilot', version: ctx.version } } }),
        MarketModule,
        BookModule,
        FiredAlertsModule,
        WsModule,
        MelModule,
        AdiModule,
        CommentaryModule,
        AlertsEngineModule,
      ],
      controllers: [edgeProbeController('mel/edge')],
    };
  }
}
