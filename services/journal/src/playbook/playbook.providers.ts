import type { Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { PlaybookRepository } from './playbook.repository.js';

export const playbookRepositoryProvider: Provider = {
  provide: PlaybookRepository,
  useFactory: (database: JournalDatabase) => new PlaybookRepository(database.db),
  inject: [JOURNAL_DATABASE],
};
