import { CANDLE_HISTORY_DEFAULT_LIMIT, CANDLE_INTERVALS, candleHistorySchema, type Candle, type CandleHistory, type CandleInterval } from '@marketswarm/shared/dto';
import { ApiError, getJson } from '../../api/http';

export { CANDLE_INTERVALS };

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

export function candleHistoryPath(symbol: string, interval: CandleInterval, limit = CANDLE_HISTORY_DEFAULT_LIMIT): string {
  return `/api/models/candles/${encodeURIComponent(symbol)}/history?interval=${interval}&limit=${limit}`;
}

/** TanStack Query key of one symbol's history at one interval. */
export const candleHistoryKey = (symbol: string, interval: CandleInterval) => ['candles', 'history', symbol, interval] as const;

export function fetchCandleHistory(symbol: string, interval: CandleInterval, signal?: AbortSignal): Promise<CandleHistory> {
  return getJson(candleHistoryPath(symbol, interval), parseCandleHistory, signal);
}
