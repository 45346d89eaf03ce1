import { Global, Module } from '@nestjs/common';
import { FiredAlerts } from './fired-alerts.js';

/** One FiredAlerts per process: the engine emits on it, commentary listens. */
@Global()
@Module({ providers: [FiredAlerts], exports: [FiredAlerts] })
export class FiredAlertsModule {}
