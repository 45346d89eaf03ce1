import type { Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { SymbolsRepository } from './symbols.repository.js';

export const symbolsRepositoryProvider: Provider = {
  provide: SymbolsRepository,
  useFactory: (database: JournalDatabase) => new SymbolsRepository(database.db),
  inject: [JOURNAL_DATABASE],
};
