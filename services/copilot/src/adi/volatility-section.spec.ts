import { describe, expect, it } from 'vitest';
import type { Candle } from '@marketswarm/shared/dto';
import { atmIv, ONE_MINUTE_BARS_PER_YEAR, realizedVol, volatilitySection, volRegime, type IvTile } from './volatility-section.js';

const single = (right: 'call' | 'put', dte: number, strike: number, iv?: number): IvTile => ({ strategy: right === 'call' ? 'single-call' : 'single-put', dte, strike, ...(iv !== undefined && { iv }) });
const closes = (...values: number[]): Candle[] => values.map((c, i) => ({ t: i * 60_000, o: c, h: c, l: c, c, v: 1 }));

const tiles: IvTile[] = [
  single('call', 0, 6000, 0.2),
  single('put', 0, 6000, 0.22),
  single('call', 0, 6010, 0.18),
  single('put', 0, 6010, 0.19),
  { strategy: 'butterfly-call', dte: 0, strike: 6005, iv: 0.5 },
  single('call', 3, 6005, 0.15),
];

describe(atmIv.name, () => {
  it('averages the call and put IV at the strike nearest spot', () => {
    // Spot 6004: 6000 is 4 away, 6010 is 6 → (0.20 + 0.22) / 2 = 0.21. The butterfly at 6005 is not one option.
    expect(atmIv(tiles, 6004, 0)).toEqual({ iv: expect.closeTo(0.21, 12) as number, strike: 6000, dte: 0 });
  });

  it('falls back to the nearest DTE the heatmap has, the shorter on a tie', () => {
    expect(atmIv(tiles, 6004, 2)).toEqual({ iv: 0.15, strike: 6005, dte: 3 });
    expect(atmIv([single('call', 0, 6000, 0.2), single('call', 2, 6000, 0.3)], 6000, 1)?.dte).toBe(0);
  });

  it('uses one side alone when only it has an IV', () => {
    expect(atmIv([single('call', 0, 6000, 0.2), single('put', 0, 6000)], 6000, 0)?.iv).toBe(0.2);
  });

  it('cannot pick a strike without spot', () => {
    expect(atmIv(tiles, null, 0)).toBeNull();
  });
});

describe(realizedVol.name, () => {
  it('annualises the sample deviation of the 1-minute log returns', () => {
    // Closes 6000, 6006, 6000, 6006: returns r, −r, r with r = ln(1.001); mean r/3; deviations 2r/3, −4r/3, 2r/3;
    // squares sum 24r²/9 = 8r²/3, over n − 1 = 2 → 4r²/3; sd = 2r/√3 = 0.0011541; × √(252 × 390) = 0.36181.
    const r = Math.log(1.001);
    const rv = realizedVol(closes(6000, 6006, 6000, 6006));
    expect(rv?.returns).toBe(3);
    expect(rv?.vol).toBeCloseTo(((2 * r) / Math.sqrt(3)) * Math.sqrt(ONE_MINUTE_BARS_PER_YEAR), 12);
    expect(rv?.vol).toBeCloseTo(0.36181, 5);
  });

  it('says nothing from fewer than two returns', () => {
    expect(realizedVol(closes(6000, 6006))).toBeNull();
  });
});

describe(volRegime.name, () => {
  it('calls IV rich from 1.2 × RV and cheap up to 0.8 × RV', () => {
    expect([1.2, 1.19, 0.81, 0.8, null].map(volRegime)).toEqual(['iv-rich', 'fair', 'fair', 'iv-cheap', null]);
  });
});

describe(volatilitySection.name, () => {
  it('sets the ATM IV against realised vol and carries the market mode', () => {
    // IV 0.21 / RV 0.36181 = 0.58 → cheap.
    expect(volatilitySection({ spot: 6004, tiles, dte: 0, candles: closes(6000, 6006, 6000, 6006), mode: { mode: 'compression', score: 72.04 } })).toEqual({
      atmIv: 0.21,
      atmStrike: 6000,
      atmDte: 0,
      realizedVol: 0.3618,
      realizedBars: 3,
      ivRvRatio: 0.58,
      regime: 'iv-cheap',
      mode: 'compression',
      modeScore: 72,
    });
  });
});
