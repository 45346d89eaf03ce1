import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { candleHistoryKey, candleHistoryPath, parseCandleHistory } from './candle-history';

describe(parseCandleHistory.name, () => {
  it('accepts the gateway answer and keeps candles ascending, one per open time', () => {
    const history = parseCandleHistory({
      symbol: 'SPX',
      interval: '5m',
      candles: [
        { t: 600_000, o: 2, h: 3, l: 1, c: 2.5 },
        { t: 300_000, o: 1, h: 2, l: 0.5, c: 1.5, v: 10 },
        { t: 600_000, o: 2, h: 4, l: 1, c: 3.5, extra: true },
      ],
    });
    expect(history).toEqual({
      symbol: 'SPX',
      interval: '5m',
      candles: [
        { t: 300_000, o: 1, h: 2, l: 0.5, c: 1.5, v: 10 },
        { t: 600_000, o: 2, h: 4, l: 1, c: 3.5 },
      ],
    });
  });

  it('rejects an answer without valid candles, naming the fields', () => {
    expect(() => parseCandleHistory({ symbol: 'SPX', interval: '2m', candles: [{ t: 1, o: 'x', h: 1, l: 1, c: 1 }] })).toThrow(ApiError);
    expect(() => parseCandleHistory({ symbol: 'SPX', interval: '1m', candles: [{ t: 1, o: 'x', h: 1, l: 1, c: 1 }] })).toThrow(/candles\.0\.o/);
    expect(() => parseCandleHistory(null)).toThrow(/unexpected body/);
  });
});

describe(candleHistoryPath.name, () => {
  it('asks for 500 candles of the interval', () => {
    expect(candleHistoryPath('SPX', '15m')).toBe('/api/models/candles/SPX/history?interval=15m&limit=500');
    expect(candleHistoryPath('BRK.B', '1h', 100)).toBe('/api/models/candles/BRK.B/history?interval=1h&limit=100');
    expect(candleHistoryKey('SPX', '1m')).toEqual(['candles', 'history', 'SPX', '1m']);
  });
});
