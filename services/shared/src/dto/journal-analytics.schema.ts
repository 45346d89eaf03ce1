import { z } from 'zod';
import { epochMsSchema, journalIdSchema, moneySchema, timeQuerySchema } from './journal-common.schema.js';

/**
 * REST contract of `GET /api/analytics`: the figures of `analyze()` (`@marketswarm/shared/journal`,
 * docs/API.md "Journal analytics") with every micro-dollar amount converted to a decimal number in
 * the account currency, and the `…Minor` suffix dropped from the names accordingly.
 */

export const analyticsQuerySchema = z.strictObject({
  log: z.union([z.literal('all'), journalIdSchema], 'must be a log id or "all"').default('all').describe('a log id, or all (every log of the user)'),
  from: timeQuerySchema.optional().describe('closed at or after'),
  to: timeQuerySchema.optional().describe('closed before'),
  symbol: z.string().trim().min(1, 'must not be empty').max(40).optional(),
  tag: journalIdSchema.optional().describe('a tag id'),
  strategy: z.string().trim().min(1, 'must not be empty').max(40).optional(),
});
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

const nullableRate = z.number().nullable();

const outcomeTotals = {
  trades: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  breakeven: z.number().int(),
  winRate: nullableRate.describe('wins / trades, a fraction'),
  winRateExBreakeven: nullableRate.describe('wins / (wins + losses), a fraction'),
  grossPnl: moneySchema,
  fees: moneySchema,
  netPnl: moneySchema,
};

export const analyticsSummarySchema = z.object({
  ...outcomeTotals,
  grossWins: moneySchema,
  grossLosses: moneySchema,
  avgWin: moneySchema.nullable(),
  avgLoss: moneySchema.nullable(),
  payoffRatio: nullableRate,
  profitFactor: nullableRate,
  noLosers: z.boolean(),
  expectancy: moneySchema.nullable(),
  rTrades: z.number().int(),
  tradesWithoutRisk: z.number().int(),
  expectancyR: nullableRate,
  sqn: nullableRate,
  kelly: nullableRate,
  maxDrawdown: moneySchema,
  maxDrawdownPct: nullableRate,
  maxDrawdownDurationMs: z.number().nullable(),
  maxDrawdownRecoveryMs: z.number().nullable(),
  tradingDays: z.number().int(),
  sharpe: nullableRate,
  sortino: nullableRate,
  kRatio: nullableRate,
  longestWinStreak: z.number().int(),
  longestLossStreak: z.number().int(),
});
export type AnalyticsSummaryDto = z.infer<typeof analyticsSummarySchema>;

export const equityPointSchema = z.object({
  index: z.number().int(),
  at: epochMsSchema,
  tradeId: z.string().nullable(),
  net: moneySchema,
  cumulative: moneySchema,
  equity: moneySchema,
  peak: moneySchema,
  drawdown: moneySchema,
});

export const drawdownPeriodSchema = z.object({
  peakAt: epochMsSchema,
  peak: moneySchema,
  troughAt: epochMsSchema,
  trough: moneySchema,
  amount: moneySchema,
  pct: z.number().nullable(),
  recoveredAt: epochMsSchema.nullable(),
  durationMs: z.number().nullable(),
  recoveryMs: z.number().nullable(),
});

export const dailyPnlSchema = z.object({ date: z.string().describe('YYYY-MM-DD, exchange time'), net: moneySchema, trades: z.number().int() });

export const breakdownBucketSchema = z.object({ key: z.string(), ...outcomeTotals, expectancy: moneySchema });
const buckets = z.array(breakdownBucketSchema);

export const breakdownsSchema = z.object({ entryHour: buckets, weekday: buckets, symbol: buckets, tag: buckets, strategy: buckets, dte: buckets, side: buckets, duration: buckets });

export const histogramSchema = z.object({
  bin: moneySchema.describe('bin width'),
  bins: z.array(z.object({ from: moneySchema, to: moneySchema, count: z.number().int(), net: moneySchema })),
});

export const analyticsSchema = z.object({
  conventions: z.object({
    log: z.string().describe('the log id, or all'),
    breakevenTolerance: moneySchema,
    timeZone: z.string(),
    startingCapital: moneySchema.nullable().describe('the log\'s (or, for all, the sum of every log\'s); null when 0'),
  }),
  summary: analyticsSummarySchema,
  equity: z.array(equityPointSchema),
  drawdown: z.array(drawdownPeriodSchema),
  daily: z.array(dailyPnlSchema),
  breakdowns: breakdownsSchema,
  histogram: histogramSchema,
});
export type AnalyticsDto = z.infer<typeof analyticsSchema>;
