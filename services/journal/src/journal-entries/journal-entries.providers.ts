import type { Provider } from '@nestjs/common';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { AttachmentFiles, attachmentRoot } from './attachments/attachment-files.js';
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

export const attachmentFilesProvider: Provider = {
  provide: AttachmentFiles,
  useFactory: (database: JournalDatabase, ctx: ServiceContext) => new AttachmentFiles(() => attachmentRoot(database, ctx)),
  inject: [JOURNAL_DATABASE, SERVICE_CONTEXT],
};
