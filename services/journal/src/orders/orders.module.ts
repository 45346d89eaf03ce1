import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { OrderFiller } from './order-filler.js';
import { OrdersController } from './orders.controller.js';
import { ordersRepositoryProvider } from './orders.providers.js';
import { OrdersService } from './orders.service.js';

/** Simulated orders: `/api/orders` and the worker that fills them against the live heatmap. */
@Module({
  imports: [TradeLogsModule, IngestModule],
  controllers: [OrdersController],
  providers: [ordersRepositoryProvider, OrdersService, OrderFiller],
})
export class OrdersModule {}
