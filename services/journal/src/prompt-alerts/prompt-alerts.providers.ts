import type { Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { PromptAlertsRepository } from './prompt-alerts.repository.js';

export const promptAlertsRepositoryProvider: Provider = {
  provide: PromptAlertsRepository,
  useFactory: (database: JournalDatabase) => new PromptAlertsRepository(database.db),
  inject: [JOURNAL_DATABASE],
};
