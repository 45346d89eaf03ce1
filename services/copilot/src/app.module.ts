import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceContext } from '@marketswarm/shared/service';
import { HealthModule, ServiceContextModule } from '@marketswarm/shared/nest';

/** The copilot's root module; MEL, ADI, commentary and the WebSocket gateways join `imports` later. */
@Module({})
export class AppModule {
  static register(ctx: ServiceContext): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceContextModule.forRoot(ctx), HealthModule],
    };
  }
}
