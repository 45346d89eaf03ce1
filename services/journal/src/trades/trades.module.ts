import { Module } from '@nestjs/common';
import { TagsModule } from '../tags/tags.module.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { LogTradesController } from './log-trades.controller.js';
import { TradesController } from './trades.controller.js';
import { tradesRepositoryProvider } from './trades.providers.js';
import { TradesRepository } from './trades.repository.js';
import { TradesService } from './trades.service.js';

/** Trades as read and edited: `/api/trades/:id` and `/api/logs/:id/trades`. */
@Module({
  imports: [TradeLogsModule, TagsModule],
  controllers: [TradesController, LogTradesController],
  providers: [tradesRepositoryProvider, TradesService],
  exports: [TradesRepository],
})
export class TradesModule {}
