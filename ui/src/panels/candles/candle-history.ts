import { z } from 'zod';
import { ApiError, getJson } from '../../api/http';
import type { Candle, CandleInterval } from '../../stores/candle-store';

/** The intervals the candles topic carries, in the order the selector shows them. */
export const CANDLE_INTERVALS = ['1m', '5m', '15m', '1h'] as const satisfies readonly CandleInterval[];

/** Candles asked for per history load. */
export const CANDLE_HISTORY_LIMIT = 500;

const finite = z.number().finite();

const historyCandleSchema = z.looseObject({
  t: z.number().int().nonnegative(),
  o: finite,
  h: finite,
  l: finite,
  c: finite,
  v: finite.nonnegative().optional(),
});

/** The answer of GET /api/models/candles/:symbol/history. */
export const candleHistorySchema = z.looseObject({
  symbol: z.string().min(1),
  interval: z.enum(CANDLE_INTERVALS),
  candles: z.array(historyCandleSchema),
});

export interface CandleHistory {
  symbol: string;
  interval: CandleInterval;
  /** Ascending by `t`, one per open time. */
  candles: Candle[];
}

/**
 * Validates a history answer. Candles are re-sorted and de-duplicated by open time (the last copy
 * wins): the chart rejects unordered data, so a sloppy answer must not break it.
 */
export function parseCandleHistory(body: unknown): CandleHistory {
  const result = candleHistorySchema.safeParse(body);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => i.path.join('.') || '(body)'))].slice(0, 5).join(', ');
    throw new ApiError(200, `candle history answered an unexpected body (${fields})`);
  }
  const parsed = result.data;
  const byTime = new Map<number, Candle>();
  for (const { t, o, h, l, c, v } of parsed.candles) byTime.set(t, v === undefined ? { t, o, h, l, c } : { t, o, h, l, c, v });
  return {
    symbol: parsed.symbol,
    interval: parsed.interval,
    candles: [...byTime.values()].sort((a, b) => a.t - b.t),
  };
}

export function candleHistoryPath(symbol: string, interval: CandleInterval, limit = CANDLE_HISTORY_LIMIT): string {
  return `/api/models/candles/${encodeURIComponent(symbol)}/history?interval=${interval}&limit=${limit}`;
}

/** TanStack Query key of one symbol's history at one interval. */
export const candleHistoryKey = (symbol: string, interval: CandleInterval) => ['candles', 'history', symbol, interval] as const;

export function fetchCandleHistory(symbol: string, interval: CandleInterval, signal?: AbortSignal): Promise<CandleHistory> {
  return getJson(candleHistoryPath(symbol, interval), parseCandleHistory, signal);
}
