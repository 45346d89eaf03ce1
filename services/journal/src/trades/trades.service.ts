import { Inject, Injectable } from '@nestjs/common';
import type { LogTradesQuery, TradeDto, TradePageDto, UpdateTradeBody } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { toMinor } from '@marketswarm/shared/journal';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { LiveUpdatesService } from '../live-updates/live-updates.service.js';
import { TagsService } from '../tags/tags.service.js';
import type { Tag } from '../tags/tags.repository.js';
import { TradeLogsService } from '../trade-logs/trade-logs.service.js';
import { tradeJson } from './trade.json.js';
import { InvalidCursorError, TradesRepository, type Trade } from './trades.repository.js';

export function tradeNotFound(id: string): DomainError {
  return new DomainError('not-found', `no trade ${id}`, { issues: [{ path: 'id', message: 'no such trade' }] });
}

/**
 * Reading and editing trades (notes, tags, risk). Entry, close, adjust and import are elsewhere.
 * Every lookup is scoped by the session's user, so another user's trade, log or tag is a 404.
 */
@Injectable()
export class TradesService {
  constructor(
    @Inject(JOURNAL_DATABASE) private readonly database: JournalDatabase,
    @Inject(TradesRepository) private readonly trades: TradesRepository,
    @Inject(TradeLogsService) private readonly logs: TradeLogsService,
    @Inject(TagsService) private readonly tags: TagsService,
    @Inject(LiveUpdatesService) private readonly live: LiveUpdatesService,
  ) {}

  async get(userId: string, id: string): Promise<TradeDto> {
    const trade = await this.trades.get(userId, id);
    if (!trade) throw tradeNotFound(id);
    return tradeJson(trade, await this.tagsById(userId));
  }

  async listByLog(userId: string, logId: string, query: LogTradesQuery): Promise<TradePageDto> {
    await this.logs.get(userId, logId);
    const filter = {
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
      ...(query.symbol !== undefined && { symbol: query.symbol }),
      ...(query.strategy !== undefined && { strategy: query.strategy }),
      ...(query.status !== undefined && { status: query.status }),
      ...(query.tag !== undefined && { tagId: query.tag }),
    };
    try {
      const page = await this.trades.listByLog(userId, logId, filter, { limit: query.limit, order: query.sort === 'openedAt' ? 'asc' : 'desc', ...(query.cursor !== undefined && { after: query.cursor }) });
      const tags = await this.tagsById(userId);
      return { trades: page.trades.map((t) => tradeJson(t, tags)), nextCursor: page.nextCursor };
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new DomainError('validation', `invalid query: cursor: ${error.message}`, { issues: [{ path: 'cursor', message: error.message }] });
      throw error;
    }
  }

  /** Notes, risk and the tag set change together or not at all; tags named but not yet there are created first. */
  async update(userId: string, id: string, body: UpdateTradeBody): Promise<TradeDto> {
    if (!(await this.trades.get(userId, id))) throw tradeNotFound(id);
    const tagIds = body.tags === undefined ? undefined : await this.resolveTags(userId, body.tags);
    const updated = await this.database.db.transaction().execute(async (trx): Promise<Trade | undefined> => {
      const trades = new TradesRepository(trx);
      const changes = {
        ...(body.notes !== undefined && { notes: body.notes }),
        ...(body.risk !== undefined && { riskMicros: body.risk === null ? null : toMinor(String(body.risk)) }),
      };
      let trade = await trades.update(userId, id, changes);
      if (trade && tagIds !== undefined) {
        const tagged = await trades.setTags(userId, id, tagIds);
        // resolveTags checked every id; a tag deleted meanwhile is a 404 like any missing one.
        if (tagged === 'unknown-tag') throw new DomainError('not-found', 'a tag was deleted meanwhile', { issues: [{ path: 'tags', message: 'no such tag' }] });
        trade = tagged;
      }
      return trade;
    });
    if (!updated) throw tradeNotFound(id);
    // Other tabs show the trade's notes, tags and R: they hear of the edit like of a close.
    await this.live.tradesChanged(userId, { created: [], updated: [id] });
    return tradeJson(updated, await this.tagsById(userId));
  }

  private async resolveTags(userId: string, refs: NonNullable<UpdateTradeBody['tags']>): Promise<string[]> {
    const ids: string[] = [];
    for (const [index, ref] of refs.entries()) {
      const tag = 'id' in ref ? await this.tags.get(userId, ref.id, `tags.${index}.id`) : await this.tags.findOrCreate(userId, ref.name);
      ids.push(tag.id);
    }
    return ids;
  }

  private async tagsById(userId: string): Promise<Map<string, Tag>> {
    return new Map((await this.tags.list(userId)).map((t) => [t.id, t]));
  }
}
