import { Inject, Injectable } from '@nestjs/common';
import type { CalendarDto, CalendarQuery } from '@marketswarm/shared/dto';
import { closedTradeOf } from '../../analytics/closed-trade-of.js';
import { SettingsService } from '../../settings/settings.service.js';
import { logNotFound } from '../../trade-logs/trade-logs.service.js';
import { TradeLogsRepository } from '../../trade-logs/trade-logs.repository.js';
import { TradesRepository } from '../../trades/trades.repository.js';
import { EntriesRepository } from '../entries.repository.js';
import { calendarBuckets, type CalendarBuckets } from './calendar-days.js';
import { calendarJson, figuresJson } from './calendar.json.js';
import { calendarPeriodOf, closeSearchWindow, datesBetween } from './calendar-period.js';

export interface PeriodFigures extends CalendarBuckets {
  timeZone: string;
}

/**
 * Figures by day of close in the user's zone, from the same closed-trade reading the analytics use
 * (TradesRepository.listClosedForAnalytics → closedTradeOf, break-even tolerance and zone from the
 * settings), for the calendar and for each retrospective's period.
 */
@Injectable()
export class CalendarService {
  constructor(
    @Inject(TradesRepository) private readonly trades: TradesRepository,
    @Inject(TradeLogsRepository) private readonly logs: TradeLogsRepository,
    @Inject(SettingsService) private readonly settings: SettingsService,
    @Inject(EntriesRepository) private readonly entries: EntriesRepository,
  ) {}

  async calendar(userId: string, query: CalendarQuery): Promise<CalendarDto> {
    if (query.log !== 'all' && !(await this.logs.get(userId, query.log))) throw logNotFound(query.log, 'log');
    const { period, from, to } = calendarPeriodOf(query);
    const [figures, entryDates] = await Promise.all([this.figures(userId, from, to, query.log === 'all' ? undefined : query.log), this.entries.datesBetween(userId, from, to)]);
    return calendarJson({ period, from, to, log: query.log, figures, entryDates: new Set(entryDates) });
  }

  /** The period's totals as a retrospective shows them (every log). */
  async periodFigures(userId: string, from: string, to: string): Promise<ReturnType<typeof figuresJson>> {
    return figuresJson((await this.figures(userId, from, to)).totals);
  }

  async figures(userId: string, from: string, to: string, logId?: string): Promise<PeriodFigures> {
    const conventions = await this.settings.conventions(userId);
    const window = closeSearchWindow(from, to);
    const rows = await this.trades.listClosedForAnalytics(userId, { ...(logId !== undefined && { logId }), from: window.fromMs, to: window.toMs });
    const closed = rows.map((row) => closedTradeOf(row, conventions.timeZone));
    return { ...calendarBuckets(closed, datesBetween(from, to), conventions.timeZone, conventions.breakevenToleranceMinor), timeZone: conventions.timeZone };
  }
}
