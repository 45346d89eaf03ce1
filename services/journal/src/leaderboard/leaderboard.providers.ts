import type { Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { LeaderboardRepository } from './leaderboard.repository.js';

export const leaderboardRepositoryProvider: Provider = {
  provide: LeaderboardRepository,
  useFactory: (database: JournalDatabase) => new LeaderboardRepository(database.db),
  inject: [JOURNAL_DATABASE],
};
