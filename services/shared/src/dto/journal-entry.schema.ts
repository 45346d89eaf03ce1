import { z } from 'zod';
import { epochMsSchema, journalIdSchema, moneySchema } from './journal-common.schema.js';
import { tradeSchema } from './journal-trade.schema.js';

/**
 * REST contracts of the journal itself (docs/API.md "Journal entries"): a daily entry of rich text
 * (`/api/journal/entries`), weekly and monthly retrospectives (`/api/journal/retrospectives`),
 * files attached to an entry (`/api/journal/attachments`), the P&L calendar
 * (`/api/journal/calendar`) and one day of it with its trades (`/api/journal/calendar/day`). Dates
 * are calendar dates in the user's timeZone setting.
 */

/** The most HTML an entry or retrospective keeps, in UTF-8 bytes (checked before sanitising). */
export const JOURNAL_ENTRY_CONTENT_MAX_BYTES = 200 * 1024;
/**
 * The JSON body limit of the routes that carry content: the content, its JSON escaping (a quote
 * becomes two bytes) and the trade ids. Larger than the services' 64kb; nginx allows the same.
 */
export const JOURNAL_ENTRY_BODY_LIMIT = '512kb';
/** Trades one entry or retrospective links at most. */
export const JOURNAL_ENTRY_MAX_TRADES = 500;

/** The largest attachment, in bytes. */
export const JOURNAL_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** What nginx accepts on the upload route: the file plus a multipart envelope. */
export const JOURNAL_ATTACHMENT_BODY_LIMIT = `${JOURNAL_ATTACHMENT_MAX_BYTES + 64 * 1024}`;
/** Content types an attachment may have, as sniffed from its bytes (never as the client declares). */
export const JOURNAL_ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/csv', 'text/plain'] as const;
export type JournalAttachmentType = (typeof JOURNAL_ATTACHMENT_TYPES)[number];

const DAY_MS = 86_400_000;

/** True for a YYYY-MM-DD that names a real day (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** 0 = Monday … 6 = Sunday of a calendar date (the zone does not matter to a date). */
export function weekdayOfDate(date: string): number {
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  return (((day + 3) % 7) + 7) % 7;
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export type RetrospectivePeriod = 'week' | 'month';

/** Why `start` cannot begin a period, or null when it can: a week begins on a Monday, a month on its 1st. */
export function periodStartProblem(period: RetrospectivePeriod, start: string): string | null {
  if (!isCalendarDate(start)) return 'must be a date such as 2026-12-07';
  if (period === 'week' && weekdayOfDate(start) !== 0) return 'must be a Monday (a week starts on Monday)';
  if (period === 'month' && !start.endsWith('-01')) return 'must be the 1st of a month';
  return null;
}

/** The last date of the week or month that begins on `start`. */
export function periodEnd(period: RetrospectivePeriod, start: string): string {
  if (period === 'week') return addDays(start, 6);
  const [year, month] = start.split('-').map(Number) as [number, number];
  // Day 0 of the next month is this month's last day.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export const journalDateSchema = z.string().refine(isCalendarDate, 'must be a date such as 2026-12-07').describe('a calendar date, YYYY-MM-DD, in the user\'s time zone');

/** `/api/journal/entries/:date`. */
export const entryDateParamsSchema = z.object({ date: journalDateSchema });
export type EntryDateParams = z.infer<typeof entryDateParamsSchema>;

/** The longest `from`…`to` the entry listing answers. */
export const ENTRY_LIST_MAX_DAYS = 400;

/** `?date=` for one entry, or `?from=&to=` for the dates that have one. */
export const entryQuerySchema = z
  .strictObject({
    date: journalDateSchema.optional(),
    from: journalDateSchema.optional().describe('first date of the listing, inclusive'),
    to: journalDateSchema.optional().describe('last date of the listing, inclusive'),
  })
  .superRefine((query, ctx) => {
    if (query.date !== undefined) {
      if (query.from !== undefined || query.to !== undefined) ctx.addIssue({ code: 'custom', path: ['date'], message: 'send either date, or from and to' });
      return;
    }
    if (query.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required without date' });
    if (query.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required without date' });
    if (query.from === undefined || query.to === undefined) return;
    if (query.to < query.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (Date.parse(query.to) - Date.parse(query.from) >= ENTRY_LIST_MAX_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be within ${ENTRY_LIST_MAX_DAYS} days of from` });
  });
export type EntryQuery = z.infer<typeof entryQuerySchema>;

function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length;
}

/** HTML from the rich-text editor; the service keeps only the allowed tags (docs/API.md). */
export const entryContentSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string of HTML') })
  .refine((value) => utf8Length(value) <= JOURNAL_ENTRY_CONTENT_MAX_BYTES, `must be at most ${JOURNAL_ENTRY_CONTENT_MAX_BYTES / 1024} KiB of HTML`)
  .describe('HTML; sanitised to p, br, strong, em, u, s, h1–h3, ul, ol, li, blockquote, code, pre and a (http, https, mailto)');

export const linkedTradeIdsSchema = z
  .array(journalIdSchema)
  .max(JOURNAL_ENTRY_MAX_TRADES, `must link at most ${JOURNAL_ENTRY_MAX_TRADES} trades`)
  .describe('ids of the user\'s trades this text is about');

export const entryBodySchema = z.strictObject({
  content: entryContentSchema,
  tradeIds: linkedTradeIdsSchema.optional().describe('replaces the linked trades; absent keeps them'),
});
export type EntryBody = z.infer<typeof entryBodySchema>;

export const attachmentSchema = z.object({
  id: journalIdSchema,
  date: journalDateSchema.describe('the entry it belongs to'),
  fileName: z.string().describe('the name it downloads under: the uploaded name, with the extension of its real type'),
  contentType: z.enum(JOURNAL_ATTACHMENT_TYPES).describe('sniffed from the bytes'),
  size: z.number().int().describe('bytes'),
  createdAt: epochMsSchema,
});
export type AttachmentDto = z.infer<typeof attachmentSchema>;

export const entrySchema = z.object({
  date: journalDateSchema,
  content: z.string().describe('sanitised HTML'),
  tradeIds: z.array(journalIdSchema),
  attachments: z.array(attachmentSchema).describe('oldest first'),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type EntryDto = z.infer<typeof entrySchema>;

/** `?date=`: the entry, or null when the day has none. */
export const entryAnswerSchema = z.object({ entry: entrySchema.nullable() });
export type EntryAnswerDto = z.infer<typeof entryAnswerSchema>;

/** `?from=&to=`: the dates in the range that have an entry, ascending. */
export const entryDatesSchema = z.object({ from: journalDateSchema, to: journalDateSchema, dates: z.array(journalDateSchema) });
export type EntryDatesDto = z.infer<typeof entryDatesSchema>;

export const entryListAnswerSchema = z.union([entryAnswerSchema, entryDatesSchema]);
export type EntryListAnswerDto = z.infer<typeof entryListAnswerSchema>;

export const retrospectivePeriodSchema = z.enum(['week', 'month'], 'must be "week" or "month"');

/** Net P&L, trade count and win rate of the trades that closed in a period (all logs). */
export const periodFiguresSchema = z.object({
  netPnl: moneySchema,
  trades: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  winRate: z.number().nullable().describe('wins / trades, a fraction; null without trades'),
});
export type PeriodFiguresDto = z.infer<typeof periodFiguresSchema>;

export const retrospectiveBodySchema = z
  .strictObject({
    period: retrospectivePeriodSchema,
    start: z.string().describe('the Monday that begins the week, or the 1st of the month'),
    content: entryContentSchema,
    tradeIds: linkedTradeIdsSchema.optional(),
  })
  .superRefine((body, ctx) => {
    const problem = periodStartProblem(body.period, body.start);
    if (problem) ctx.addIssue({ code: 'custom', path: ['start'], message: problem });
  });
export type RetrospectiveBody = z.infer<typeof retrospectiveBodySchema>;

export const retrospectiveQuerySchema = z.strictObject({ period: retrospectivePeriodSchema.optional() });
export type RetrospectiveQuery = z.infer<typeof retrospectiveQuerySchema>;

export const retrospectiveSchema = z.object({
  id: journalIdSchema,
  period: retrospectivePeriodSchema,
  start: journalDateSchema,
  end: journalDateSchema.describe('the last date of the period, inclusive'),
  content: z.string().describe('sanitised HTML'),
  tradeIds: z.array(journalIdSchema),
  figures: periodFiguresSchema,
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type RetrospectiveDto = z.infer<typeof retrospectiveSchema>;

export const retrospectiveListSchema = z.object({ retrospectives: z.array(retrospectiveSchema).describe('newest period first') });
export type RetrospectiveListDto = z.infer<typeof retrospectiveListSchema>;

const calendarLogSchema = z.union([z.literal('all'), journalIdSchema], 'must be a log id or "all"').default('all');

export const calendarQuerySchema = z
  .strictObject({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-12')
      .optional(),
    week: z.string().optional().describe('the Monday that begins the week'),
    log: calendarLogSchema,
  })
  .superRefine((query, ctx) => {
    if ((query.month === undefined) === (query.week === undefined)) {
      ctx.addIssue({ code: 'custom', path: [query.month === undefined ? 'month' : 'week'], message: 'send either month or week' });
      return;
    }
    if (query.week !== undefined) {
      const problem = periodStartProblem('week', query.week);
      if (problem) ctx.addIssue({ code: 'custom', path: ['week'], message: problem });
    }
  });
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

export const calendarDaySchema = z.object({
  date: journalDateSchema,
  ...periodFiguresSchema.shape,
  hasEntry: z.boolean(),
});
export type CalendarDayDto = z.infer<typeof calendarDaySchema>;

export const calendarSchema = z.object({
  period: retrospectivePeriodSchema,
  from: journalDateSchema,
  to: journalDateSchema,
  log: z.string().describe('the log id, or all'),
  timeZone: z.string().describe('the zone the days are in (the user\'s timeZone setting)'),
  days: z.array(calendarDaySchema).describe('every date of the period, ascending; a trade counts on the day it closed'),
  totals: periodFiguresSchema.extend({ tradingDays: z.number().int().describe('days with at least one closed trade') }),
});
export type CalendarDto = z.infer<typeof calendarSchema>;

/** `/api/journal/calendar/day?date=&log=`. */
export const calendarDayQuerySchema = z.strictObject({
  date: z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a date such as 2026-12-07') }).pipe(journalDateSchema),
  log: calendarLogSchema,
});
export type CalendarDayQuery = z.infer<typeof calendarDayQuerySchema>;

/** One day of the calendar: its figures, as the calendar counts them, and the trades behind them. */
export const calendarDayTradesSchema = z.object({
  date: journalDateSchema,
  log: z.string().describe('the log id, or all'),
  timeZone: z.string().describe('the zone the day is in (the user\'s timeZone setting)'),
  figures: periodFiguresSchema.describe('the same figures as the calendar\'s day'),
  trades: z.array(tradeSchema).describe('the trades that closed that day in timeZone, however long ago they opened, in order of close; as /api/trades/:id renders them'),
});
export type CalendarDayTradesDto = z.infer<typeof calendarDayTradesSchema>;
