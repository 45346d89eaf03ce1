import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { TradesModule } from '../trades/trades.module.js';
import { LeaderboardController } from './leaderboard.controller.js';
import { leaderboardRepositoryProvider } from './leaderboard.providers.js';
import { LeaderboardService } from './leaderboard.service.js';

/** The opt-in leaderboard: `/api/leaderboard`. */
@Module({ imports: [TradesModule, SettingsModule], controllers: [LeaderboardController], providers: [leaderboardRepositoryProvider, LeaderboardService] })
export class LeaderboardModule {}
