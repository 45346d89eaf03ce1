import type { Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { UserSettingsRepository } from './user-settings.repository.js';

export const userSettingsRepositoryProvider: Provider = {
  provide: UserSettingsRepository,
  useFactory: (database: JournalDatabase) => new UserSettingsRepository(database.db),
  inject: [JOURNAL_DATABASE],
};
