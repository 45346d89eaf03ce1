export type ClockMode = 'demo' | 'regular';

/** Where a moment falls in market time. `session` is the New York calendar date (YYYY-MM-DD). */
export interface MarketTime {
  open: boolean;
  session: string;
}

const OPEN_MINUTE = 9 * 60 + 30;
const CLOSE_MINUTE = 16 * 60;
const WEEKDAYS = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);

const nyFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The market clock. Time is always passed in (epoch ms), never read, so tests use fixed instants.
 * `regular`: open 09:30–16:00 America/New_York, Monday to Friday (exchange holidays are not
 * modelled). `demo`: always open; sessions still roll over at New York midnight.
 */
export class MarketClock {
  constructor(readonly mode: ClockMode) {}

  at(epochMs: number): MarketTime {
    const parts: Record<string, string> = {};
    for (const p of nyFormat.formatToParts(new Date(epochMs))) parts[p.type] = p.value;
    const session = `${parts['year']}-${parts['month']}-${parts['day']}`;
    if (this.mode === 'demo') return { open: true, session };
    const minute = Number(parts['hour']) * 60 + Number(parts['minute']);
    const open = WEEKDAYS.has(parts['weekday'] ?? '') && minute >= OPEN_MINUTE && minute < CLOSE_MINUTE;
    return { open, session };
  }

  isOpen(epochMs: number): boolean {
    return this.at(epochMs).open;
  }
}
