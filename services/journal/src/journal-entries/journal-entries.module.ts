import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { TagsModule } from '../tags/tags.module.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { TradesModule } from '../trades/trades.module.js';
import { AttachmentsController } from './attachments/attachments.controller.js';
import { AttachmentsService } from './attachments/attachments.service.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarService } from './calendar/calendar.service.js';
import { EntriesController } from './entries.controller.js';
import { EntriesService } from './entries.service.js';
import { EntryJsonBodyGuard } from './entry-json-body.guard.js';
import { attachmentsRepositoryProvider, entriesRepositoryProvider, retrospectivesRepositoryProvider } from './journal-entries.providers.js';
import { RetrospectivesController } from './retrospectives/retrospectives.controller.js';
import { RetrospectivesService } from './retrospectives/retrospectives.service.js';
import { TradeLinksService } from './trade-links.service.js';

/** The journal itself: `/api/journal/entries`, `/retrospectives`, `/attachments` and `/calendar` (with `/calendar/day`). */
@Module({
  imports: [TradesModule, TradeLogsModule, SettingsModule, TagsModule],
  controllers: [EntriesController, RetrospectivesController, AttachmentsController, CalendarController],
  providers: [
    entriesRepositoryProvider,
    retrospectivesRepositoryProvider,
    attachmentsRepositoryProvider,
    TradeLinksService,
    EntryJsonBodyGuard,
    EntriesService,
    RetrospectivesService,
    AttachmentsService,
    CalendarService,
  ],
})
export class JournalEntriesModule {}
