import { Global, Module } from '@nestjs/common';
import { LiveUpdatesService } from './live-updates.service.js';

/** Global: every module that changes trades or logs tells the user's tabs through it. */
@Global()
@Module({ providers: [LiveUpdatesService], exports: [LiveUpdatesService] })
export class LiveUpdatesModule {}
