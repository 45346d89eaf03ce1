import type { Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { AttachmentsRepository } from './attachments/attachments.repository.js';
import { EntriesRepository } from './entries.repository.js';
import { RetrospectivesRepository } from './retrospectives/retrospectives.repository.js';

export const entriesRepositoryProvider: Provider = {
  provide: EntriesRepository,
  useFactory: (database: JournalDatabase) => new EntriesRepository(database.db),
  inject: [JOURNAL_DATABASE],
};

export const retrospectivesRepositoryProvider: Provider = {
  provide: RetrospectivesRepository,
  useFactory: (database: JournalDatabase) => new RetrospectivesRepository(database.db),
  inject: [JOURNAL_DATABASE],
};

export const attachmentsRepositoryProvider: Provider = {
  provide: AttachmentsRepository,
  useFactory: (database: JournalDatabase) => new AttachmentsRepository(database.db),
  inject: [JOURNAL_DATABASE],
};
