import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { TradesModule } from '../trades/trades.module.js';
import { AttachmentsController } from './attachments/attachments.controller.js';
import { AttachmentsService } from './attachments/attachments.service.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarService } from './calendar/calendar.service.js';
import { EntriesController } from './entries.controller.js';
import { EntriesService } from './entries.service.js';
import { EntryJsonBodyGuard } from './entry-json-body.guard.js';
import { attachmentFilesProvider, attachmentsRepositoryProvider, entriesRepositoryProvider, retrospectivesRepositoryProvider } from './journal-entries.providers.js';
import { RetrospectivesController } from './retrospectives/retrospectives.controller.js';
import { RetrospectivesService } from './retrospectives/retrospectives.service.js';
import { TradeLinksService } from './trade-links.service.js';

/** The journal itself: `/api/journal/entries`, `/retrospectives`, `/attachments` and `/calendar`. */
@Module({
  imports: [TradesModule, TradeLogsModule, SettingsModule],
  controllers: [EntriesController, RetrospectivesController, AttachmentsController, CalendarController],
  providers: [
    entriesRepositoryProvider,
    retrospectivesRepositoryProvider,
    attachmentsRepositoryProvider,
    attachmentFilesProvider,
    TradeLinksService,
    EntryJsonBodyGuard,
    EntriesService,
    RetrospectivesService,
    AttachmentsService,
    CalendarService,
  ],
})
export class JournalEntriesModule {}
