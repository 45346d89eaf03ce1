import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { PositionsController } from './positions.controller.js';
import { liveMidsReaderProvider, positionsRepositoryProvider, riskGraphPublisherProvider } from './positions.providers.js';
import { PositionsService } from './positions.service.js';

/** Saved what-if positions: `/api/journal/positions`; logging one goes through the ingest module, the path manual entry takes. */
@Module({
  imports: [TradeLogsModule, IngestModule],
  controllers: [PositionsController],
  providers: [positionsRepositoryProvider, riskGraphPublisherProvider, liveMidsReaderProvider, PositionsService],
})
export class PositionsModule {}
