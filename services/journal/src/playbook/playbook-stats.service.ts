import { Inject, Injectable } from '@nestjs/common';
import type { PlaybookStatsDto, PlaybookStatsQuery } from '@marketswarm/shared/dto';
import { closedTradeOf } from '../analytics/closed-trade-of.js';
import { SettingsService } from '../settings/settings.service.js';
import { TradeLogsRepository } from '../trade-logs/trade-logs.repository.js';
import { logNotFound } from '../trade-logs/trade-logs.service.js';
import { TradesRepository } from '../trades/trades.repository.js';
import { playbookEntryStatsJson } from './playbook.json.js';
import { PlaybookRepository } from './playbook.repository.js';
import { playbookStats } from './playbook-stats.js';

/**
 * `GET /api/playbook/stats`: the closed trades analytics would select (one log or all, closed within
 * `from`/`to`), read exactly as analytics read them, split by each entry's check-offs into the
 * trades that followed it and those that broke it; missed trades are selected by their `at`.
 */
@Injectable()
export class PlaybookStatsService {
  constructor(
    @Inject(PlaybookRepository) private readonly playbook: PlaybookRepository,
    @Inject(TradesRepository) private readonly trades: TradesRepository,
    @Inject(TradeLogsRepository) private readonly logs: TradeLogsRepository,
    @Inject(SettingsService) private readonly settings: SettingsService,
  ) {}

  async stats(userId: string, query: PlaybookStatsQuery): Promise<PlaybookStatsDto> {
    if (query.log !== 'all' && !(await this.logs.get(userId, query.log))) throw logNotFound(query.log, 'log');
    const range = { ...(query.from !== undefined && { from: query.from }), ...(query.to !== undefined && { to: query.to }) };
    const conventions = await this.settings.conventions(userId);
    const rows = await this.trades.listClosedForAnalytics(userId, { ...(query.log !== 'all' && { logId: query.log }), ...range });
    const entries = await this.playbook.listEntries(userId);
    const checks = await this.playbook.allChecks(userId);
    const missed = await this.playbook.listMissed(userId, range);
    const stats = playbookStats(
      entries,
      rows.map((row) => closedTradeOf(row, conventions.timeZone)),
      checks,
      missed.map((m) => ({ entryId: m.entryId, estimatedPnlMinor: m.estimatedPnlMicros })),
      conventions,
    );
    return { log: query.log, from: query.from ?? null, to: query.to ?? null, entries: stats.map(playbookEntryStatsJson) };
  }
}
