import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { ImportsController } from './imports.controller.js';
import { JournalIngestService } from './journal-ingest.service.js';
import { ManualTradesController } from './manual-trades.controller.js';

/** Import, manual entry and close: every way fills reach a log. */
@Module({
  imports: [TradeLogsModule, SettingsModule],
  controllers: [ImportsController, ManualTradesController],
  providers: [JournalIngestService],
})
export class IngestModule {}
