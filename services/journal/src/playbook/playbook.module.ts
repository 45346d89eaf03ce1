import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { TradesModule } from '../trades/trades.module.js';
import { PlaybookChecksService } from './playbook-checks.service.js';
import { PlaybookStatsService } from './playbook-stats.service.js';
import { PlaybookController } from './playbook.controller.js';
import { playbookRepositoryProvider } from './playbook.providers.js';
import { PlaybookService } from './playbook.service.js';

/** The playbook: `/api/playbook/*` (groups, entries, per-trade check-offs, missed trades, stats). */
@Module({
  imports: [TradesModule, TradeLogsModule, SettingsModule],
  controllers: [PlaybookController],
  providers: [playbookRepositoryProvider, PlaybookService, PlaybookChecksService, PlaybookStatsService],
})
export class PlaybookModule {}
