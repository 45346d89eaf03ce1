import type { CalendarDayDto, CalendarDto } from '@marketswarm/shared/dto';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { calendarTarget, JournalCalendarView, type JournalCalendarViewProps } from './JournalPage';

const noop = () => undefined;

function december(): CalendarDto {
  const days = Array.from({ length: 31 }, (_, i): CalendarDayDto => ({
    date: `2026-12-${String(i + 1).padStart(2, '0')}`,
    netPnl: 0,
    trades: 0,
    wins: 0,
    losses: 0,
    winRate: null,
    hasEntry: false,
  }));
  days[6] = { ...days[6]!, netPnl: 450, trades: 3, wins: 2, losses: 1, winRate: 2 / 3, hasEntry: true };
  days[7] = { ...days[7]!, netPnl: -900, trades: 1, wins: 0, losses: 1, winRate: 0 };
  days[8] = { ...days[8]!, hasEntry: true };
  return {
    period: 'month',
    from: '2026-12-01',
    to: '2026-12-31',
    log: 'all',
    timeZone: 'America/New_York',
    days,
    totals: { netPnl: -450, trades: 4, wins: 2, losses: 2, winRate: 0.5, tradingDays: 2 },
  };
}

const props = (patch: Partial<JournalCalendarViewProps> = {}): JournalCalendarViewProps => ({
  mode: 'month',
  month: '2026-12',
  week: '2026-12-07',
  weekStart: 1,
  today: '2026-12-09',
  calendar: december(),
  loading: false,
  error: undefined,
  onPrev: noop,
  onNext: noop,
  onToday: noop,
  onMode: noop,
  onWeekStart: noop,
  onOpenDay: noop,
  ...patch,
});

// The view links to the retrospectives, so it renders inside a router.
const render = (p: JournalCalendarViewProps): string =>
  renderToStaticMarkup(
    <MemoryRouter>
      <JournalCalendarView {...p} />
    </MemoryRouter>,
  );

const cells = (html: string): RegExpMatchArray[] => [...html.matchAll(/<button[^>]*data-testid="calendar-day"[^>]*>/g)];

describe(JournalCalendarView.name, () => {
  it('draws December 2026 Monday-first as 5 weeks, from Mon Nov 30 to Sun Jan 3', () => {
    const html = render(props());
    const all = cells(html);
    expect(all).toHaveLength(35);
    expect(all[0]?.[0]).toContain('data-date="2026-11-30"');
    expect(all[34]?.[0]).toContain('data-date="2027-01-03"');
    expect(html).toContain('December 2026');
  });

  it('puts each day\'s net P&L, trade count and win rate on its cell, tinted by the heat scale', () => {
    const html = render(props());
    const win = cells(html).find((m) => m[0].includes('data-date="2026-12-07"'))?.[0] ?? '';
    expect(win).toContain('data-pnl="450"');
    expect(win).toContain('data-trades="3"');
    expect(win).toContain('background:rgba(63, 185, 80');
    expect(html).toContain('3 trades · 66.7%');
    expect(html).toContain('+450');
    const loss = cells(html).find((m) => m[0].includes('data-date="2026-12-08"'))?.[0] ?? '';
    // The biggest |P&L| of the month is full intensity.
    expect(loss).toContain('background:rgba(248, 81, 73, 0.850)');
    expect(html).toContain('1 trade · 0%');
  });

  it('marks days with an entry with a dot, and days without trades carry no P&L', () => {
    const html = render(props());
    expect(html.match(/data-testid="calendar-entry-dot"/g)).toHaveLength(2);
    const quiet = cells(html).find((m) => m[0].includes('data-date="2026-12-09"'))?.[0] ?? '';
    expect(quiet).not.toContain('data-pnl');
    expect(quiet).toContain('data-has-entry="true"');
    expect(quiet).toContain('aria-current="date"');
  });

  it('shows the period totals', () => {
    const html = render(props());
    expect(html).toContain('data-testid="calendar-totals"');
    expect(html).toContain('−450.00');
    expect(html).toContain('50%');
  });

  it('starts on Sunday when asked, with the Sunday column first', () => {
    const html = render(props({ weekStart: 0 }));
    expect(cells(html)[0]?.[0]).toContain('data-date="2026-11-29"');
    expect(html).toMatch(/role="columnheader">Sun<\/div><div[^>]*>Mon/);
  });

  it('shows one Monday-first week in week mode', () => {
    const html = render(props({ mode: 'week', weekStart: 0 }));
    const all = cells(html);
    expect(all).toHaveLength(7);
    expect(all[0]?.[0]).toContain('data-date="2026-12-07"');
    expect(html).toContain('Week of 2026-12-07');
  });

  it('keeps the grid and says so when the calendar cannot be loaded', () => {
    const html = render(props({ calendar: undefined, error: 'journal unreachable' }));
    expect(html).toContain('role="alert"');
    expect(cells(html)).toHaveLength(35);
    expect(html).not.toContain('data-pnl');
  });
});

describe(calendarTarget.name, () => {
  it('defaults to the current month', () => {
    expect(calendarTarget(new URLSearchParams(''), '2026-12-09')).toEqual({ mode: 'month', month: '2026-12', week: '2026-12-07' });
  });

  it('reads a month or a week (snapped to its Monday), ignoring junk', () => {
    expect(calendarTarget(new URLSearchParams('month=2027-02'), '2026-12-09').month).toBe('2027-02');
    expect(calendarTarget(new URLSearchParams('week=2026-12-10'), '2026-12-09')).toEqual({ mode: 'week', month: '2026-12', week: '2026-12-07' });
    expect(calendarTarget(new URLSearchParams('month=2026-13&week=nope'), '2026-12-09')).toEqual({ mode: 'month', month: '2026-12', week: '2026-12-07' });
  });
});
