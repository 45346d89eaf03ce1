import { z } from 'zod';
import { symbolInputSchema } from '../events/symbol.js';

/**
 * `GET /api/models/candles/:symbol/history` (gateway). The gateway validates the request with these
 * schemas and the UI validates the answer with the same file, so it stays free of Node APIs.
 */

/** The intervals a candle payload may carry, in display order. */
export const CANDLE_INTERVALS = ['1m', '5m', '15m', '1h'] as const;
export const candleIntervalSchema = z.enum(CANDLE_INTERVALS);
export type CandleInterval = z.infer<typeof candleIntervalSchema>;

export const CANDLE_HISTORY_MAX_LIMIT = 2000;
export const CANDLE_HISTORY_DEFAULT_LIMIT = 500;

const finite = z.number().finite();

/** One OHLC bar: `t` is its open time (epoch ms). */
export const candleSchema = z.object({
  t: z.number().int().nonnegative(),
  o: finite,
  h: finite,
  l: finite,
  c: finite,
  v: finite.nonnegative().optional(),
});
export type Candle = z.infer<typeof candleSchema>;

/** `:symbol` plus the query string. */
export const candleHistoryRequestSchema = z.object({
  symbol: symbolInputSchema,
  interval: candleIntervalSchema.default('1m'),
  limit: z.coerce.number().int().min(1).max(CANDLE_HISTORY_MAX_LIMIT).default(CANDLE_HISTORY_DEFAULT_LIMIT),
});
export type CandleHistoryRequest = z.infer<typeof candleHistoryRequestSchema>;

export const candleHistorySchema = z.object({
  symbol: z.string().min(1),
  interval: candleIntervalSchema,
  /** Ascending by `t`, one per open time (its newest version). */
  candles: z.array(candleSchema),
});
export type CandleHistory = z.infer<typeof candleHistorySchema>;
