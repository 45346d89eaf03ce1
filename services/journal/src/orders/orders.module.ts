import { Module } from '@nestjs/common';
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
 * saved positions (an order's source) and the heatmap snapshot (a tile source's legs) directly.
 */
@Module({
  imports: [TradeLogsModule, IngestModule],
  controllers: [OrdersController],
  providers: [ordersRepositoryProvider, positionsRepositoryProvider, heatmapSnapshotReaderProvider, OrdersService, OrderFiller],
})
export class OrdersModule {}
