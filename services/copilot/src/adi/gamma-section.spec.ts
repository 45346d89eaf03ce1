import { describe, expect, it } from 'vitest';
import type { TopicPayload } from '@marketswarm/shared/events';
import { gammaMagnet, gammaSection } from './gamma-section.js';

const row = (strike: number, net: number) => ({ strike, call: Math.max(net, 0), put: Math.min(net, 0), net });
const payload = (strikes: TopicPayload<'gex'>['strikes'], extra: Partial<TopicPayload<'gex'>> = {}): TopicPayload<'gex'> => ({ symbol: 'SPX', strikes, ...extra });

describe(gammaMagnet.name, () => {
  it('picks the largest |net GEX| within 1 % of spot, whatever its sign, and ignores bigger strikes farther away', () => {
    // Spot 6003: the window is ±60.03 → 5942.97–6063.03. 5900 (−900) and 6100 (+1200) are outside;
    // inside, |−300| < |−450| < |+500| → 6000.
    const rows = [row(5900, -900), row(5950, -300), row(6000, 500), row(6050, -450), row(6100, 1200)];
    expect(gammaMagnet(rows, 6003)).toEqual(row(6000, 500));
  });

  it('takes the strike nearer spot when two pull as hard', () => {
    // |+400| = |−400|: 5990 is 13 from 6003, 6010 is 7.
    expect(gammaMagnet([row(5990, 400), row(6010, -400)], 6003)?.strike).toBe(6010);
  });

  it('has no magnet when no strike is near spot', () => {
    expect(gammaMagnet([row(5000, 1e9)], 6003)).toBeNull();
  });
});

describe(gammaSection.name, () => {
  it('computes what the producer left out from its strikes', () => {
    // net: 5950 = 100 − 400 = −300; 6000 = 700 − 200 = +500; 6050 = 250 − 50 = +200 → total +400.
    // Call wall: largest positive net, 6000; put wall: most negative, 5950.
    // Flip: −300 → +500 between 5950 and 6000: 5950 + 50 × 300 / 800 = 5968.75; spot 6003 is above it.
    const gex = payload([
      { strike: 6000, call: 700, put: -200 },
      { strike: 5950, call: 100, put: -400 },
      { strike: 6050, call: 250, put: -50 },
    ]);
    expect(gammaSection({ gex: { ts: 42, data: gex }, spot: 6003 })).toEqual({
      netGex: 400,
      flip: 5968.75,
      callWall: 6000,
      putWall: 5950,
      magnet: 6000,
      magnetGex: 500,
      spotVsFlip: 'above',
      strikes: 3,
      asOf: 42,
    });
  });

  it('keeps the producer\'s total, walls and flip: it saw the whole chain', () => {
    const gex = payload([row(5950, -300), row(6000, 500)], { total: 1.5e9, callWall: 6100, putWall: 5900, flip: 6010 });
    expect(gammaSection({ gex: { ts: 1, data: gex }, spot: 6003 })).toMatchObject({ netGex: 1.5e9, callWall: 6100, putWall: 5900, flip: 6010, spotVsFlip: 'below' });
  });

  it('reads spot from the GEX payload when there is no spot print', () => {
    const gex = payload([row(5950, -300), row(6000, 500)], { spot: 5960 });
    expect(gammaSection({ gex: { ts: 1, data: gex }, spot: null })).toMatchObject({ magnet: 6000, spotVsFlip: 'below' });
  });

  it('is all unknown without GEX', () => {
    expect(gammaSection({ gex: null, spot: 6003 })).toEqual({ netGex: null, flip: null, callWall: null, putWall: null, magnet: null, magnetGex: null, spotVsFlip: null, strikes: 0, asOf: null });
  });
});
