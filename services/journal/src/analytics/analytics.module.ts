import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { TradeLogsModule } from '../trade-logs/trade-logs.module.js';
import { TradesModule } from '../trades/trades.module.js';
import { AnalyticsController } from './analytics.controller.js';
import { AnalyticsService } from './analytics.service.js';

/** Analytics: `/api/analytics`. */
@Module({ imports: [TradesModule, TradeLogsModule, SettingsModule], controllers: [AnalyticsController], providers: [AnalyticsService] })
export class AnalyticsModule {}
