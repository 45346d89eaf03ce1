import type { Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { TradesRepository } from './trades.repository.js';

export const tradesRepositoryProvider: Provider = {
  provide: TradesRepository,
  useFactory: (database: JournalDatabase) => new TradesRepository(database.db),
  inject: [JOURNAL_DATABASE],
};
