import { describe, expect, it } from 'vitest';
import { equityOptionInstrument, occSymbol, optionFromSymbol, parseOptionSymbol } from './occ-symbol.js';

describe(parseOptionSymbol.name, () => {
  const spxw6000Call = { root: 'SPXW', expiry: '2025-12-19', right: 'C', strike: '6000' };

  it.each([
    ['SPXW251219C06000000', 'Webull: OCC without the padding, strike × 1000 in 8 digits'],
    ['SPXW  251219C06000000', 'OCC itself'],
    [' -SPXW251219C6000', 'Fidelity: a dash, the plain strike'],
    ['SPXW 251219C6000', 'TradeStation'],
    ['SPXW 12/19/2025 6000.00 C', 'Schwab'],
    ['CALL SPXW 12/19/25 6000.000 SPX WEEKLY', 'E*TRADE description, trailing words'],
  ])('reads %s (%s)', (text) => {
    expect(parseOptionSymbol(text)).toEqual(spxw6000Call);
  });

  it('keeps a fractional strike: OCC 00602500 is 602.5, and so is a plain 602.5', () => {
    expect(parseOptionSymbol('SPY251219P00602500')?.strike).toBe('602.5');
    expect(parseOptionSymbol('-SPY251219P602.5')?.strike).toBe('602.5');
  });

  it('answers null for a ticker, a futures contract or an impossible date', () => {
    expect(parseOptionSymbol('NVDA')).toBeNull();
    expect(parseOptionSymbol('ESH26')).toBeNull();
    expect(parseOptionSymbol('SPXW251331C06000000')).toBeNull(); // month 13
    expect(parseOptionSymbol('SPXW 02/30/2026 6000.00 C')).toBeNull();
  });
});

describe(equityOptionInstrument.name, () => {
  it('files a weekly SPXW leg under SPX, with the OCC symbol of its own root and $100 a point', () => {
    expect(equityOptionInstrument({ root: 'SPXW', expiry: '2025-12-19', right: 'P', strike: '5950' })).toEqual({
      kind: 'option',
      underlying: 'SPX',
      symbol: 'SPXW  251219P05950000',
      multiplier: '100',
      expiry: '2025-12-19',
      strike: '5950',
      right: 'P',
    });
    expect(equityOptionInstrument({ root: 'SPY', expiry: '2025-12-19', right: 'C', strike: '680' }).underlying).toBe('SPY');
  });

  it('gives one symbol for one contract whichever export spelled it', () => {
    const spellings = ['SPXW251219C06000000', ' -SPXW251219C6000', 'SPXW 12/19/2025 6000.00 C'].map((text) => optionFromSymbol(text, 'Symbol').symbol);
    expect(new Set(spellings)).toEqual(new Set([occSymbol('SPXW', '2025-12-19', 'C', '6000')]));
  });

  it('names the column of a symbol that is not an option', () => {
    expect(() => optionFromSymbol('SPXW Dec 19', 'Symbol')).toThrow('bad Symbol "SPXW Dec 19": not an option symbol');
  });
});
