import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { ExecutionsRepository } from '../executions/executions.repository.js';
import { openQuantity } from '../ingest/open-quantity.js';
import { TradesRepository, type Trade } from '../trades/trades.repository.js';
import { TradeEventsPublisher } from './trade-events.publisher.js';

/**
 * What the user's open tabs hear from the journal: the trades an import, entry or close created or
 * changed, and the whole open-position list whenever it may have changed (a log deleted or
 * archived takes its positions off the risk graph).
 */
@Injectable()
export class LiveUpdatesService {
  private readonly events: TradeEventsPublisher;

  constructor(
    @Inject(JOURNAL_DATABASE) private readonly database: JournalDatabase,
    @Inject(SERVICE_CONTEXT) ctx: ServiceContext,
  ) {
    const { topics } = ctx.truth().doc;
    this.events = new TradeEventsPublisher(ctx.bus.get('system'), { trades: topics['trades'], positions: topics['positions'] }, ctx.logger);
  }

  async tradesChanged(userId: string, changes: { created: readonly string[]; updated: readonly string[] }): Promise<void> {
    const repository = new TradesRepository(this.database.db);
    const [created, updated] = await Promise.all([this.load(repository, userId, changes.created), this.load(repository, userId, changes.updated)]);
    await this.events.publish(userId, { created, updated, open: await this.openPositions(repository, userId) });
  }

  async positionsChanged(userId: string): Promise<void> {
    await this.events.publish(userId, { created: [], updated: [], open: await this.openPositions(new TradesRepository(this.database.db), userId) });
  }

  private async openPositions(repository: TradesRepository, userId: string) {
    const open = await this.load(repository, userId, await repository.openTradeIds(userId));
    const executions = await new ExecutionsRepository(this.database.db).byIds(userId, open.flatMap((t) => t.legs.flatMap((leg) => leg.fills.map((f) => f.executionId))));
    const byId = new Map(executions.map((e) => [e.id, e]));
    return open.map((trade) => ({ trade, openQuantity: (leg: Trade['legs'][number]) => openQuantity(leg, byId) }));
  }

  private load(repository: TradesRepository, userId: string, ids: readonly string[]): Promise<Trade[]> {
    return repository.getMany(userId, ids);
  }
}
