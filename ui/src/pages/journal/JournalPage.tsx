import type { CalendarDayDto, CalendarDto } from '@marketswarm/shared/dto';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorLine } from '../../components/page-feedback';
import { formatCount, formatPnl, formatPnlCompact, formatRate, pnlTone } from '../../journal-api/journal-format';
import { useCalendar } from '../../journal-pages-api/journal';
import { errorText } from '../../journal-pages-api/query';
import { useJournalTimeZone } from '../../journal-api/hooks';
import { addDays, isIsoDate, monthGrid, monthOf, monthTitle, parseMonth, shiftMonth, todayIn, weekdayLabels, weekGrid, weekStartOf, type CalendarCell, type WeekStart } from './calendar-grid';
import { heatOf, heatScale } from './pnl-heat';
import './journal-pages.css';

export type CalendarMode = 'month' | 'week';

const WEEK_START_KEY = 'journal.weekStart';

function storedWeekStart(): WeekStart {
  try {
    return globalThis.localStorage?.getItem(WEEK_START_KEY) === 'sun' ? 0 : 1;
  } catch {
    return 1;
  }
}

/**
 * Where the calendar looks, from the URL: `?week=<a date>` shows that week (weeks of the journal
 * start on Monday), `?month=YYYY-MM` that month, nothing the current month in the journal's zone.
 */
export function calendarTarget(params: URLSearchParams, today: string): { mode: CalendarMode; month: string; week: string } {
  const week = params.get('week');
  if (week !== null && isIsoDate(week)) return { mode: 'week', month: monthOf(week), week: weekStartOf(week, 1) };
  const month = params.get('month');
  const m = month !== null && parseMonth(month) ? month : monthOf(today);
  return { mode: 'month', month: m, week: weekStartOf(m === monthOf(today) ? today : `${m}-01`, 1) };
}

/** `/journal`: the P&L calendar. A day opens `/journal/:date`. */
export function JournalPage() {
  const timeZone = useJournalTimeZone();
  const today = todayIn(timeZone);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [weekStart, setWeekStart] = useState<WeekStart>(storedWeekStart);
  const target = calendarTarget(params, today);
  const calendar = useCalendar(target.mode === 'month' ? { month: target.month } : { week: target.week });

  const go = (mode: CalendarMode, anchor: string) => setParams(mode === 'month' ? { month: anchor } : { week: anchor });
  const changeWeekStart = (ws: WeekStart) => {
    setWeekStart(ws);
    try {
      globalThis.localStorage?.setItem(WEEK_START_KEY, ws === 0 ? 'sun' : 'mon');
    } catch {
      // A private window without storage keeps the choice for this visit only.
    }
  };

  return (
    <JournalCalendarView
      mode={target.mode}
      month={target.month}
      week={target.week}
      weekStart={weekStart}
      today={today}
      calendar={calendar.data}
      loading={calendar.isFetching}
      error={calendar.error ? errorText(calendar.error) : undefined}
      onPrev={() => (target.mode === 'month' ? go('month', shiftMonth(target.month, -1)) : go('week', addDays(target.week, -7)))}
      onNext={() => (target.mode === 'month' ? go('month', shiftMonth(target.month, 1)) : go('week', addDays(target.week, 7)))}
      onToday={() => (target.mode === 'month' ? go('month', monthOf(today)) : go('week', weekStartOf(today, 1)))}
      onMode={(mode) => go(mode, mode === 'month' ? target.month : target.week)}
      onWeekStart={changeWeekStart}
      onOpenDay={(date) => void navigate(`/journal/${date}`)}
    />
  );
}

export interface JournalCalendarViewProps {
  mode: CalendarMode;
  month: string;
  /** The Monday of the week shown in week mode. */
  week: string;
  weekStart: WeekStart;
  today: string;
  calendar: CalendarDto | undefined;
  loading: boolean;
  error: string | undefined;
  onPrev: () => void;
  onNext: () => void;
  onToday: () => void;
  onMode: (mode: CalendarMode) => void;
  onWeekStart: (weekStart: WeekStart) => void;
  onOpenDay: (date: string) => void;
}

export function JournalCalendarView(props: JournalCalendarViewProps) {
  const { mode, month, week, weekStart, today, calendar, loading, error } = props;
  // The API's week starts on Monday; so does the week view.
  const columnsStart: WeekStart = mode === 'week' ? 1 : weekStart;
  const rows = useMemo(() => (mode === 'month' ? monthGrid(month, weekStart) : [weekGrid(week, 1)]), [mode, month, week, weekStart]);
  const byDate = useMemo(() => new Map((calendar?.days ?? []).map((d) => [d.date, d])), [calendar]);
  const scale = useMemo(() => heatScale((calendar?.days ?? []).filter((d) => d.trades > 0).map((d) => d.netPnl)), [calendar]);
  const title = mode === 'month' ? monthTitle(month) : `Week of ${week}`;

  return (
    <div className="jp-page" data-testid="journal-page">
      <div className="jp-toolbar">
        <h1 data-testid="calendar-title">{title}</h1>
        <button type="button" aria-label={mode === 'month' ? 'Previous month' : 'Previous week'} data-testid="calendar-prev" onClick={props.onPrev}>
          ‹
        </button>
        <button type="button" onClick={props.onToday}>
          Today
        </button>
        <button type="button" aria-label={mode === 'month' ? 'Next month' : 'Next week'} data-testid="calendar-next" onClick={props.onNext}>
          ›
        </button>
        <span className="jp-spacer" />
        <div className="jp-tabs" role="group" aria-label="Calendar view">
          <button type="button" aria-pressed={mode === 'month'} onClick={() => props.onMode('month')}>
            Month
          </button>
          <button type="button" aria-pressed={mode === 'week'} data-testid="calendar-week-mode" onClick={() => props.onMode('week')}>
            Week
          </button>
        </div>
        {mode === 'month' && (
          <label className="muted">
            Weeks start on{' '}
            <select value={weekStart} onChange={(e) => props.onWeekStart(e.target.value === '0' ? 0 : 1)}>
              <option value={1}>Monday</option>
              <option value={0}>Sunday</option>
            </select>
          </label>
        )}
        <Link to="/journal/retrospectives">Retrospectives</Link>
      </div>
      <ErrorLine error={error} />
      {calendar && <PeriodTotals calendar={calendar} />}
      <section className={`jp-section ${mode === 'week' ? 'jp-week' : ''}`} aria-busy={loading} aria-label={`P&L calendar, ${title}`}>
        <div className="jp-calendar" role="grid" data-testid="calendar-grid" data-mode={mode}>
          {weekdayLabels(columnsStart).map((label) => (
            <div key={label} className="jp-calendar-head" role="columnheader">
              {label}
            </div>
          ))}
          {rows.flat().map((cell) => (
            <DayCell key={cell.date} cell={cell} mode={mode} day={byDate.get(cell.date)} scale={scale} today={today} onOpen={props.onOpenDay} />
          ))}
        </div>
      </section>
    </div>
  );
}

function PeriodTotals({ calendar }: { calendar: CalendarDto }) {
  const { totals } = calendar;
  return (
    <dl className="jp-summary" data-testid="calendar-totals">
      <div>
        <dt>Net P&amp;L</dt>
        <dd className={`jp-${pnlTone(totals.netPnl)}`}>{formatPnl(totals.netPnl)}</dd>
      </div>
      <div>
        <dt>Trades</dt>
        <dd>{formatCount(totals.trades)}</dd>
      </div>
      <div>
        <dt>Win rate</dt>
        <dd>{formatRate(totals.winRate)}</dd>
      </div>
      <div>
        <dt>Trading days</dt>
        <dd>{formatCount(totals.tradingDays)}</dd>
      </div>
    </dl>
  );
}

interface DayCellProps {
  cell: CalendarCell;
  mode: CalendarMode;
  day: CalendarDayDto | undefined;
  scale: number;
  today: string;
  onOpen: (date: string) => void;
}

function DayCell({ cell, mode, day, scale, today, onOpen }: DayCellProps) {
  const traded = day !== undefined && day.trades > 0;
  const heat = heatOf(traded ? day.netPnl : null, scale);
  // Week mode shows seven days of possibly two months, all of them in the period.
  const inPeriod = mode === 'week' || cell.inMonth;
  const label = [cell.date, traded ? `net ${formatPnl(day.netPnl)}, ${day.trades} trades, win rate ${formatRate(day.winRate)}` : 'no trades', day?.hasEntry ? 'journal entry' : undefined]
    .filter((s) => s !== undefined)
    .join(', ');
  const classes = ['jp-day', inPeriod ? '' : 'jp-day-out', cell.date === today ? 'jp-day-today' : '', `jp-heat-${heat.tone}`].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      role="gridcell"
      className={classes}
      style={heat.background ? { background: heat.background } : undefined}
      data-testid="calendar-day"
      data-date={cell.date}
      data-pnl={traded ? String(day.netPnl) : undefined}
      data-trades={day ? String(day.trades) : undefined}
      data-has-entry={day?.hasEntry ? 'true' : undefined}
      aria-label={label}
      aria-current={cell.date === today ? 'date' : undefined}
      onClick={() => onOpen(cell.date)}
    >
      <span className="jp-day-num">{cell.day}</span>
      {day?.hasEntry && <span className="jp-day-dot" data-testid="calendar-entry-dot" aria-hidden="true" />}
      {traded && (
        <>
          <span className="jp-day-pnl">{formatPnlCompact(day.netPnl)}</span>
          <span className="jp-day-meta">
            {day.trades} {day.trades === 1 ? 'trade' : 'trades'} · {formatRate(day.winRate)}
          </span>
        </>
      )}
    </button>
  );
}
