import type { Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { TradeLogsRepository } from './trade-logs.repository.js';

/** The repository on the database main.ts opened; a class token, so services inject it by type. */
export const tradeLogsRepositoryProvider: Provider = {
  provide: TradeLogsRepository,
  useFactory: (database: JournalDatabase) => new TradeLogsRepository(database.db),
  inject: [JOURNAL_DATABASE],
};
