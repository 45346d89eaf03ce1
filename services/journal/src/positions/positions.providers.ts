import type { Provider } from '@nestjs/common';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { PositionsRepository } from './positions.repository.js';
import { RiskGraphPublisher } from './risk-graph.publisher.js';

export const positionsRepositoryProvider: Provider = {
  provide: PositionsRepository,
  useFactory: (database: JournalDatabase) => new PositionsRepository(database.db),
  inject: [JOURNAL_DATABASE],
};

/** `risk-graph` in system Redis, as truth routes it. */
export const riskGraphPublisherProvider: Provider = {
  provide: RiskGraphPublisher,
  useFactory: (ctx: ServiceContext) => new RiskGraphPublisher(ctx.bus.get('system'), ctx.truth().doc.topics['risk-graph'], ctx.logger),
  inject: [SERVICE_CONTEXT],
};
