import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { heatmapSnapshotReaderProvider } from '../spreads/spreads.providers.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { PositionsController } from './positions.controller.js';
import { positionsRepositoryProvider, riskGraphPublisherProvider } from './positions.providers.js';
import { PositionsService } from './positions.service.js';

/** Saved what-if positions: `/api/journal/positions`; logging one goes through the ingest module, the path manual entry takes; deleting one forgets its alerts. */
@Module({
  imports: [TradeLogsModule, IngestModule, AlertsModule],
  controllers: [PositionsController],
  providers: [positionsRepositoryProvider, riskGraphPublisherProvider, heatmapSnapshotReaderProvider, PositionsService],
})
export class PositionsModule {}
