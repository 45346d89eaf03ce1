import { describe, expect, it } from 'vitest';
import { adiText, dollars, gexAmount } from './adi-text.js';
import { adiInputs } from './adi.fixtures.js';
import { adiSectionOf, buildAdiSnapshot } from './adi-snapshot.builder.js';

describe(adiText.name, () => {
  it('writes the snapshot as short headed blocks a trader pastes into a chat', () => {
    expect(adiText(buildAdiSnapshot(adiInputs()))).toBe(
      [
        'ADI SPX, 2026-12-07 10:42 ET, 0DTE (marketswarm.adi v1)',
        '',
        'PRICE',
        'Spot 6004.00, +14.00 (+0.23%) vs prev close 5990.00',
        'Day: open 5992.00, high 6010.00, low 5990.00',
        'Last 30 min: 4 prints, from 6001.00 to 6004.00 (+3.00), range 6001.00-6006.00',
        '',
        'VOLATILITY',
        'ATM IV 21.0% (strike 6000, 0DTE); realised 21.7% over 5 one-minute returns',
        'IV/RV 0.97 (fair); market mode transition (score 55)',
        '',
        'GAMMA',
        'Net GEX +$1.10B per 1% move; zero gamma 5981.82 (spot above)',
        'Call wall 6000, put wall 5950, magnet 6000 (+$1.10B)',
        '',
        'AUCTION',
        'POC 6003, value area 6000-6006.5 (70% of 34,000 over 6 bars, 0.5-pt levels)',
        'HVN 5996.5, 6003.5; LVN 5999',
        '',
        'SESSION',
        'Midday, 10:42 ET; 333 min to the 16:15 close',
        '',
        'MODEL TRUST (MEL)',
        'Global integrity 75 VALID (coherence stable)',
        'gamma 75 VALID, volume profile 75 VALID, liquidity 75 VALID, volatility 75 VALID, session 75 VALID',
        '',
        'MY POSITIONS',
        'Open vertical SPX x2: +2 6000C 2026-12-07 @15.20 / -2 6010C 2026-12-07 @9.70; cost $900, value $1,100, P&L +$200',
        'Saved Pin fly x3: +1 5990P 2026-12-07 @6.10 / -2 5980P 2026-12-07 @4.00 / +1 5970P 2026-12-07 @2.60; cost $420, value $210, P&L -$210',
        'Open P&L +$200',
        '',
      ].join('\n'),
    );
  });

  it('says plainly what is missing instead of printing zeros', () => {
    const bare = buildAdiSnapshot(
      adiInputs({ mel: null, book: { openTrades: [], savedPositions: [] }, market: { spot: null, gex: null, heatmap: null, mode: null, candles: [], trail: [], trailMinutes: 30 } }),
    );
    const text = adiText(bare);
    expect(text).toContain('PRICE\nSpot n/a, n/a (n/a) vs prev close n/a\n');
    expect(text).toContain('GAMMA\nNo GEX data\n');
    expect(text).toContain('AUCTION\nNo volume yet today\n');
    expect(text).toContain('MODEL TRUST (MEL)\nNot available\n');
    expect(text).toContain('MY POSITIONS\nOpen: none\nSaved: none\n');
  });

  it('writes only the section asked for, after the title', () => {
    expect(adiText(adiSectionOf(buildAdiSnapshot(adiInputs()), 'session'))).toBe('ADI SPX, 2026-12-07 10:42 ET, 0DTE (marketswarm.adi v1)\n\nSESSION\nMidday, 10:42 ET; 333 min to the 16:15 close\n');
  });

  it('writes a closed session with the time it was taken', () => {
    const evening = buildAdiSnapshot(adiInputs({ now: Date.parse('2026-12-08T01:00:00Z') }));
    expect(adiText(adiSectionOf(evening, 'session'))).toContain('SESSION\nClosed (2026-12-07 20:00 ET; options close at 16:15)\n');
  });
});

describe(gexAmount.name, () => {
  it('scales GEX to $B, $M or $K with its sign', () => {
    expect([1.1e9, -2.345e8, 12_340, -5, 0].map(gexAmount)).toEqual(['+$1.10B', '-$234.5M', '+$12.3K', '-$5', '+$0']);
  });
});

describe(dollars.name, () => {
  it('writes whole dollars with thousands separators, the sign before the $', () => {
    expect([1100, -210, 1234567.8, null].map(dollars)).toEqual(['$1,100', '-$210', '$1,234,568', 'n/a']);
  });
});
