import { Module } from '@nestjs/common';
import { ImportMappingsModule } from '../import-mappings/import-mappings.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { ImportsController } from './imports.controller.js';
import { JournalIngestService } from './journal-ingest.service.js';
import { ManualTradesController } from './manual-trades.controller.js';

/** Import, manual entry and close: every way fills reach a log. Saved positions and orders log their trades through the same service. */
@Module({
  imports: [TradeLogsModule, SettingsModule, ImportMappingsModule],
  controllers: [ImportsController, ManualTradesController],
  providers: [JournalIngestService],
  exports: [JournalIngestService],
})
export class IngestModule {}
