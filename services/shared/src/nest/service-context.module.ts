import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceContext } from '../service/index.js';
import { SERVICE_CONTEXT } from './service-context.token.js';

/** Makes the context that `bootService` returned injectable everywhere, as a plain value. */
@Module({})
export class ServiceContextModule {
  static forRoot(ctx: ServiceContext): DynamicModule {
    return {
      module: ServiceContextModule,
      global: true,
      providers: [{ provide: SERVICE_CONTEXT, useValue: ctx }],
      exports: [SERVICE_CONTEXT],
    };
  }
}
