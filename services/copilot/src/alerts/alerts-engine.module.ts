import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import { AlertEngine } from './alert-engine.js';
import { createAlertEngine } from './alert-engine.factory.js';
import { FiredAlerts } from './fired-alerts.js';
import { UserBookReader } from '../book/user-book.reader.js';

/** Starts the engine once the app is up (it first waits for the lease) and stops it before Redis closes. */
@Injectable()
export class AlertEngineLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(AlertEngine) private readonly engine: AlertEngine) {}

  onApplicationBootstrap(): void {
    this.engine.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.engine.stop();
  }
}

/**
 * The alert engine in the copilot process. Needs `FiredAlerts` and `UserBookReader` from the root
 * module (AppModule provides both globally: FiredAlertsModule, BookModule) and the ServiceContext.
 */
@Module({
  providers: [
    {
      provide: AlertEngine,
      useFactory: (ctx: ServiceContext, fired: FiredAlerts, books: UserBookReader) => createAlertEngine(ctx, fired, process.env, { books }),
      inject: [SERVICE_CONTEXT, FiredAlerts, UserBookReader],
    },
    AlertEngineLifecycle,
  ],
  exports: [AlertEngine],
})
export class AlertsEngineModule {}
