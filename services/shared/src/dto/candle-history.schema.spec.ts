import { describe, expect, it } from 'vitest';
import { candleHistoryRequestSchema } from './candle-history.schema.js';

describe('candle history request', () => {
  it('defaults to 1m and 500, upper-cases the symbol, and coerces the limit', () => {
    expect(candleHistoryRequestSchema.parse({ symbol: 'spx' })).toEqual({ symbol: 'SPX', interval: '1m', limit: 500 });
    expect(candleHistoryRequestSchema.parse({ symbol: 'NDX', interval: '1h', limit: '2000' })).toEqual({ symbol: 'NDX', interval: '1h', limit: 2000 });
  });

  it('refuses an unknown interval and a limit outside 1–2000 or not whole, naming the field', () => {
    const paths = (input: unknown) => {
      const r = candleHistoryRequestSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ symbol: 'SPX', interval: '2m' })).toEqual(['interval']);
    for (const limit of ['0', '2001', '1.5', 'ten', '']) expect(paths({ symbol: 'SPX', limit }), limit).toEqual(['limit']);
    expect(paths({ symbol: '$$' })).toEqual(['symbol']);
  });
});
