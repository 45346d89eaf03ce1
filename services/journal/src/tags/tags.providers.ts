import type { Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { TagsRepository } from './tags.repository.js';

export const tagsRepositoryProvider: Provider = {
  provide: TagsRepository,
  useFactory: (database: JournalDatabase) => new TagsRepository(database.db),
  inject: [JOURNAL_DATABASE],
};
