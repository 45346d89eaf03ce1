import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { JournalExportController } from './journal-export.controller.js';
import { JournalExportService } from './journal-export.service.js';

/** `GET /api/logs/:id/export`: trades or executions as CSV or XLSX. */
@Module({
  imports: [TradeLogsModule, SettingsModule],
  controllers: [JournalExportController],
  providers: [JournalExportService],
})
export class JournalExportModule {}
