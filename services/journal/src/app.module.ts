import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceContext } from '@marketswarm/shared/service';
import { journalSettings } from '@marketswarm/shared/truth';
import { edgeProbeController, HealthModule, NestEdgeModule, ServiceContextModule, sessionCheckOptionsOf } from '@marketswarm/shared/nest';
import type { JournalDatabase } from './database/create-journal-database.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { InternalModule } from './internal/internal.module.js';
import { PromptAlertsModule } from './prompt-alerts/prompt-alerts.module.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { JournalDatabaseModule } from './database/journal-database.module.js';
import { JournalExportModule } from './exports/journal-export.module.js';
import { JournalEntriesModule } from './journal-entries/journal-entries.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { LiveUpdatesModule } from './live-updates/live-updates.module.js';
import { LeaderboardModule } from './leaderboard/leaderboard.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { PositionsModule } from './positions/positions.module.js';
import { PlaybookModule } from './playbook/playbook.module.js';
import { SettingsModule } from './settings/settings.module.js';
import { SymbolsModule } from './symbols/symbols.module.js';
import { TagsModule } from './tags/tags.module.js';
import { TradeLogsModule } from './trade-logs/trade-logs.module.js';
import { TradesModule } from './trades/trades.module.js';

/** Under the `/api` prefix: `/api/journal/openapi.json`, a path nginx already routes to the journal. */
export const JOURNAL_OPENAPI_PATH = 'journal/openapi.json';

/**
 * The journal's root module: the shared edge (every route behind the session unless `@Public()`),
 * health and metrics, the database main.ts opened and migrated; feature modules (trades, journal, playbook, …) join `imports`.
 */
@Module({})
export class AppModule {
  static register(ctx: ServiceContext, database: JournalDatabase): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceContextModule.forRoot(ctx),
        JournalDatabaseModule.forRoot(database),
        HealthModule,
        LiveUpdatesModule,
        NestEdgeModule.forRoot({ session: sessionCheckOptionsOf(ctx, journalSettings), openApi: { path: JOURNAL_OPENAPI_PATH, info: { title: 'MarketSwarm journal', version: ctx.version } } }),
        TradeLogsModule,
        TradesModule,
        SymbolsModule,
        TagsModule,
        SettingsModule,
        AnalyticsModule,
        IngestModule,
        JournalExportModule,
        AlertsModule,
        PromptAlertsModule,
        InternalModule,
        JournalEntriesModule,
        OrdersModule,
        LeaderboardModule,
        PositionsModule,
        PlaybookModule,
      ],
      controllers: [edgeProbeController('journal/edge')],
    };
  }
}
