import { Global, Module } from '@nestjs/common';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import { DEFAULT_USER_BOOK_KEYS, UserBookReader } from './user-book.reader.js';

/** Global: ADI, commentary and the alert engine all read the same user's book. */
@Global()
@Module({
  providers: [
    {
      provide: UserBookReader,
      useFactory: (ctx: ServiceContext) => {
        const topics = ctx.truth().doc.topics;
        return new UserBookReader(ctx.bus.get('system'), ctx.logger.child({ module: 'user-book' }), {
          positions: topics['positions']?.snapshot ?? DEFAULT_USER_BOOK_KEYS.positions,
          riskGraph: topics['risk-graph']?.snapshot ?? DEFAULT_USER_BOOK_KEYS.riskGraph,
        });
      },
      inject: [SERVICE_CONTEXT],
    },
  ],
  exports: [UserBookReader],
})
export class BookModule {}
