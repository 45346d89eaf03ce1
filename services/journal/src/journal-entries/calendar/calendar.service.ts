import { Inject, Injectable } from '@nestjs/common';
import type { CalendarDayQuery, CalendarDayTradesDto, CalendarDto, CalendarQuery } from '@marketswarm/shared/dto';
import type { ClosedTrade } from '@marketswarm/shared/journal';
import { closedTradeOf } from '../../analytics/closed-trade-of.js';
import { SettingsService } from '../../settings/settings.service.js';
import { TagsService } from '../../tags/tags.service.js';
import { logNotFound } from '../../trade-logs/trade-logs.service.js';
import { TradeLogsRepository } from '../../trade-logs/trade-logs.repository.js';
import { tradeJson } from '../../trades/trade.json.js';
import { TradesRepository } from '../../trades/trades.repository.js';
import { EntriesRepository } from '../entries.repository.js';
import { calendarBuckets, closeDateOf, type CalendarBuckets } from './calendar-days.js';
import { calendarDayJson, calendarJson, figuresJson } from './calendar.json.js';
import { calendarPeriodOf, closeSearchWindow, datesBetween } from './calendar-period.js';

export interface PeriodFigures extends CalendarBuckets {
  timeZone: string;
}

/**
 * Figures by day of close in the user's zone, from the same closed-trade reading the analytics use
 * (TradesRepository.listClosedForAnalytics → closedTradeOf, break-even tolerance and zone from the
 * settings), for the calendar, one day of it with its trades, and each retrospective's period.
 */
@Injectable()
export class CalendarService {
  constructor(
    @Inject(TradesRepository) private readonly trades: TradesRepository,
    @Inject(TradeLogsRepository) private readonly logs: TradeLogsRepository,
    @Inject(SettingsService) private readonly settings: SettingsService,
    @Inject(EntriesRepository) private readonly entries: EntriesRepository,
    @Inject(TagsService) private readonly tags: TagsService,
  ) {}

  async calendar(userId: string, query: CalendarQuery): Promise<CalendarDto> {
    const logId = await this.ownLog(userId, query.log);
    const { period, from, to } = calendarPeriodOf(query);
    const [figures, entryDates] = await Promise.all([this.figures(userId, from, to, logId), this.entries.datesBetween(userId, from, to)]);
    return calendarJson({ period, from, to, log: query.log, figures, entryDates: new Set(entryDates) });
  }

  /**
   * One date of the calendar: its figures and the trades behind them, picked by the same reading
   * and bucketing as the calendar's day, so the two always agree (a swing trade opened weeks
   * earlier is there; one closing after midnight in the zone is the next day's).
   */
  async day(userId: string, query: CalendarDayQuery): Promise<CalendarDayTradesDto> {
    const logId = await this.ownLog(userId, query.log);
    const { closed, figures } = await this.read(userId, query.date, query.date, logId);
    const ids = closed.filter((trade) => closeDateOf(trade, figures.timeZone) === query.date).map((trade) => trade.id);
    // getMany keeps the ids' order: the analytics' order of close.
    const [trades, tags] = await Promise.all([this.trades.getMany(userId, ids), this.tags.list(userId)]);
    const tagsById = new Map(tags.map((tag) => [tag.id, tag]));
    return calendarDayJson({ date: query.date, log: query.log, figures, trades: trades.map((trade) => tradeJson(trade, tagsById)) });
  }

  /** The period's totals as a retrospective shows them (every log). */
  async periodFigures(userId: string, from: string, to: string): Promise<ReturnType<typeof figuresJson>> {
    return figuresJson((await this.figures(userId, from, to)).totals);
  }

  async figures(userId: string, from: string, to: string, logId?: string): Promise<PeriodFigures> {
    return (await this.read(userId, from, to, logId)).figures;
  }

  /** The log's id to filter by, undefined for every log; another user's or an unknown log is a 404 naming log. */
  private async ownLog(userId: string, log: string): Promise<string | undefined> {
    if (log === 'all') return undefined;
    if (!(await this.logs.get(userId, log))) throw logNotFound(log, 'log');
    return log;
  }

  /** The closed trades around `from`…`to` (a day of slack each side) and their figures by local date of close. */
  private async read(userId: string, from: string, to: string, logId: string | undefined): Promise<{ closed: ClosedTrade[]; figures: PeriodFigures }> {
    const conventions = await this.settings.conventions(userId);
    const window = closeSearchWindow(from, to);
    const rows = await this.trades.listClosedForAnalytics(userId, { ...(logId !== undefined && { logId }), from: window.fromMs, to: window.toMs });
    const closed = rows.map((row) => closedTradeOf(row, conventions.timeZone));
    const figures = { ...calendarBuckets(closed, datesBetween(from, to), conventions.timeZone, conventions.breakevenToleranceMinor), timeZone: conventions.timeZone };
    return { closed, figures };
  }
}
