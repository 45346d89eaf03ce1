import type { Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { AlertsRepository } from './alerts.repository.js';

export const alertsRepositoryProvider: Provider = {
  provide: AlertsRepository,
  useFactory: (database: JournalDatabase) => new AlertsRepository(database.db),
  inject: [JOURNAL_DATABASE],
};
