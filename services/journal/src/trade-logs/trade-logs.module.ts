import { Module } from '@nestjs/common';
import { TradeLogsController } from './trade-logs.controller.js';
import { TradeLogsRepository } from './trade-logs.repository.js';
import { tradeLogsRepositoryProvider } from './trade-logs.providers.js';
import { TradeLogsService } from './trade-logs.service.js';

/** Trade logs: `/api/logs` and the service other modules use to find a user's log. */
@Module({
  controllers: [TradeLogsController],
  providers: [tradeLogsRepositoryProvider, TradeLogsService],
  exports: [TradeLogsService, TradeLogsRepository],
})
export class TradeLogsModule {}
