import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceContext } from '@marketswarm/shared/service';
import { copilotSettings } from '@marketswarm/shared/truth';
import { edgeProbeController, HealthModule, NestEdgeModule, ServiceContextModule, sessionCheckOptionsOf } from '@marketswarm/shared/nest';

/** Under the `/api` prefix: `/api/mel/openapi.json`, a path nginx already routes to the copilot. */
export const COPILOT_OPENAPI_PATH = 'mel/openapi.json';

/**
 * The copilot's root module: the shared edge (every route behind the session unless `@Public()`),
 * health and metrics; MEL, ADI, commentary and the WebSocket gateways join `imports` later.
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
      ],
      controllers: [edgeProbeController('mel/edge')],
    };
  }
}
