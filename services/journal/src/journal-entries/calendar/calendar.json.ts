import type { CalendarDayTradesDto, CalendarDto, PeriodFiguresDto, RetrospectivePeriod, TradeDto } from '@marketswarm/shared/dto';
import { fromMinor } from '@marketswarm/shared/journal';
import { winRateOf, type DayFigures } from './calendar-days.js';
import type { PeriodFigures } from './calendar.service.js';

export function figuresJson(figures: DayFigures): PeriodFiguresDto {
  return { netPnl: fromMinor(figures.netMinor), trades: figures.trades, wins: figures.wins, losses: figures.losses, winRate: winRateOf(figures) };
}

export function calendarJson(input: { period: RetrospectivePeriod; from: string; to: string; log: string; figures: PeriodFigures; entryDates: ReadonlySet<string> }): CalendarDto {
  const { figures } = input;
  return {
    period: input.period,
    from: input.from,
    to: input.to,
    log: input.log,
    timeZone: figures.timeZone,
    days: figures.days.map((day) => ({ date: day.date, ...figuresJson(day), hasEntry: input.entryDates.has(day.date) })),
    totals: { ...figuresJson(figures.totals), tradingDays: figures.totals.tradingDays },
  };
}

/** One date of the calendar: `figures` is that date's bucket, the same the calendar shows for it. */
export function calendarDayJson(input: { date: string; log: string; figures: PeriodFigures; trades: TradeDto[] }): CalendarDayTradesDto {
  const day = input.figures.days.find((d) => d.date === input.date) ?? { netMinor: 0, trades: 0, wins: 0, losses: 0 };
  return { date: input.date, log: input.log, timeZone: input.figures.timeZone, figures: figuresJson(day), trades: input.trades };
}
