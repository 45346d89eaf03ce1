import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { positionsRepositoryProvider } from '../positions/positions.providers.js';
import { heatmapSnapshotReaderProvider } from '../spreads/spreads.providers.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { OrderFiller } from './order-filler.js';
import { OrdersController } from './orders.controller.js';
import { ordersRepositoryProvider } from './orders.providers.js';
import { OrdersService } from './orders.service.js';

/**
 * Simulated orders: `/api/orders` and the worker that fills them against the live heatmap. Reads
 * saved positions (an order's source) and the heatmap snapshot (a tile source's legs) directly;
 * announces fills on the alert sync stream. Exports the repository for the evaluator's order read.
 */
@Module({
  imports: [TradeLogsModule, IngestModule, AlertsModule],
  controllers: [OrdersController],
  providers: [ordersRepositoryProvider, positionsRepositoryProvider, heatmapSnapshotReaderProvider, OrdersService, OrderFiller],
  exports: [ordersRepositoryProvider],
})
export class OrdersModule {}
