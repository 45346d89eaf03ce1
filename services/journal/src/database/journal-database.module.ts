import { type DynamicModule, Module } from '@nestjs/common';
import type { JournalDatabase } from './create-journal-database.js';

/** Injection token of the open, migrated JournalDatabase; repositories take `database.db` from it. */
export const JOURNAL_DATABASE = Symbol('JOURNAL_DATABASE');

/** Provides the database main.ts opened (and will close), to every module, as a plain value. */
@Module({})
export class JournalDatabaseModule {
  static forRoot(database: JournalDatabase): DynamicModule {
    return { module: JournalDatabaseModule, global: true, providers: [{ provide: JOURNAL_DATABASE, useValue: database }], exports: [JOURNAL_DATABASE] };
  }
}
