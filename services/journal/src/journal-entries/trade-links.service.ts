import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@marketswarm/shared/http';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { foreignTradeIds } from './linked-trades.js';

/** Trades an entry or retrospective links must be the user's own: another user's id reads as unknown. */
@Injectable()
export class TradeLinksService {
  constructor(@Inject(JOURNAL_DATABASE) private readonly database: JournalDatabase) {}

  /** 404 naming each `tradeIds.<i>` that is no trade of the user. */
  async assertOwned(userId: string, tradeIds: readonly string[] | undefined): Promise<void> {
    if (!tradeIds || tradeIds.length === 0) return;
    const foreign = await foreignTradeIds(this.database.db, userId, tradeIds);
    if (foreign.length === 0) return;
    const [first] = foreign;
    throw new DomainError('not-found', `no trade ${first?.id} (tradeIds.${first?.index})`, { issues: foreign.map(({ index }) => ({ path: `tradeIds.${index}`, message: 'no such trade' })) });
  }
}
