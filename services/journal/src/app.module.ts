import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceContext } from '@marketswarm/shared/service';
import { HealthModule, ServiceContextModule } from '@marketswarm/shared/nest';

/** The journal's root module; feature modules (trades, journal, playbook, …) join `imports`. */
@Module({})
export class AppModule {
  static register(ctx: ServiceContext): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceContextModule.forRoot(ctx), HealthModule],
    };
  }
}
