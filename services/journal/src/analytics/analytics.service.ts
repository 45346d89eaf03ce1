import { Inject, Injectable } from '@nestjs/common';
import type { AnalyticsDto, AnalyticsQuery } from '@marketswarm/shared/dto';
import { analyze, fromMinor } from '@marketswarm/shared/journal';
import { SettingsService } from '../settings/settings.service.js';
import { logNotFound } from '../trade-logs/trade-logs.service.js';
import { TradeLogsRepository } from '../trade-logs/trade-logs.repository.js';
import { TradesRepository } from '../trades/trades.repository.js';
import { analyticsJson } from './analytics.json.js';
import { closedTradeOf } from './closed-trade-of.js';

/**
 * `GET /api/analytics`: the user's closed trades (one log or all), filtered, through the shared
 * `analyze()`, with the break-even tolerance and time zone of their settings and the starting
 * capital of the log (for `all`, the sum over every log; none when that is 0).
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @Inject(TradesRepository) private readonly trades: TradesRepository,
    @Inject(TradeLogsRepository) private readonly logs: TradeLogsRepository,
    @Inject(SettingsService) private readonly settings: SettingsService,
  ) {}

  async analyze(userId: string, query: AnalyticsQuery): Promise<AnalyticsDto> {
    const startingCapitalMinor = await this.startingCapital(userId, query.log);
    const conventions = await this.settings.conventions(userId);
    const rows = await this.trades.listClosedForAnalytics(userId, {
      ...(query.log !== 'all' && { logId: query.log }),
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
      ...(query.symbol !== undefined && { symbol: query.symbol }),
      ...(query.strategy !== undefined && { strategy: query.strategy }),
      ...(query.tag !== undefined && { tagId: query.tag }),
    });
    const result = analyze(
      rows.map((row) => closedTradeOf(row, conventions.timeZone)),
      { ...conventions, startingCapitalMinor, histogramBinMinor: null },
    );
    return analyticsJson(result, {
      log: query.log,
      breakevenTolerance: fromMinor(conventions.breakevenToleranceMinor),
      timeZone: conventions.timeZone,
      startingCapital: startingCapitalMinor === null ? null : fromMinor(startingCapitalMinor),
    });
  }

  private async startingCapital(userId: string, log: AnalyticsQuery['log']): Promise<number | null> {
    let total = 0;
    if (log === 'all') {
      for (const l of await this.logs.list(userId, { includeArchived: true })) total += l.startingCapitalMicros;
    } else {
      const found = await this.logs.get(userId, log);
      if (!found) throw logNotFound(log, 'log');
      total = found.startingCapitalMicros;
    }
    return total === 0 ? null : total;
  }
}
