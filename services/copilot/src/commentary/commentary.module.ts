import { Module, type Provider } from '@nestjs/common';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import { MelModule } from '../mel/mel.module.js';
import { CommentaryAudience } from './commentary-audience.js';
import { CommentaryChannel } from './commentary.channel.js';
import { CommentaryController } from './commentary.controller.js';
import { CommentaryService } from './commentary.service.js';
import { CommentaryStore } from './commentary.store.js';

const commentaryStoreProvider: Provider = {
  provide: CommentaryStore,
  useFactory: (ctx: ServiceContext) => new CommentaryStore(ctx.bus.get('system'), ctx.logger.child({ module: 'commentary-store' })),
  inject: [SERVICE_CONTEXT],
};

/**
 * Commentary: `/api/commentary/*` and `/ws/commentary`. Imports MelModule (MEL updates); needs the
 * global MarketModule, BookModule, WsModule and a global `FiredAlerts` provider from the root.
 */
@Module({
  imports: [MelModule],
  providers: [commentaryStoreProvider, CommentaryAudience, CommentaryService, CommentaryChannel],
  controllers: [CommentaryController],
})
export class CommentaryModule {}
