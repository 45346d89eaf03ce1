import type { Provider } from '@nestjs/common';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { OrdersRepository } from './orders.repository.js';

export const ordersRepositoryProvider: Provider = {
  provide: OrdersRepository,
  useFactory: (database: JournalDatabase) => new OrdersRepository(database.db),
  inject: [JOURNAL_DATABASE],
};
