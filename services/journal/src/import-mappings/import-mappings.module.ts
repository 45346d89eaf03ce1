import { Module, type Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { ImportMappingsController } from './import-mappings.controller.js';
import { ImportMappingsRepository } from './import-mappings.repository.js';
import { ImportMappingsService } from './import-mappings.service.js';

const repositoryProvider: Provider = {
  provide: ImportMappingsRepository,
  useFactory: (database: JournalDatabase) => new ImportMappingsRepository(database.db),
  inject: [JOURNAL_DATABASE],
};

/** Saved generic CSV mappings: `/api/journal/import-mappings`, and the lookup an import makes by `mappingId`. */
@Module({
  controllers: [ImportMappingsController],
  providers: [repositoryProvider, ImportMappingsService],
  exports: [ImportMappingsService],
})
export class ImportMappingsModule {}
