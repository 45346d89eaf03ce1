import { describe, expect, it } from 'vitest';
import { optionTick, roundToOptionTick } from './option-ticks.js';

describe(optionTick.name, () => {
  it('steps index options 0.05 below 3.00 and 0.10 from 3.00 up, for credits as for debits', () => {
    expect(optionTick('SPX', 2.95)).toBe(0.05);
    expect(optionTick('SPX', 3)).toBe(0.1);
    expect(optionTick('NDX', 42)).toBe(0.1);
    expect(optionTick('RUT', -1.2)).toBe(0.05);
    expect(optionTick('VIX', -7.5)).toBe(0.1);
    expect(optionTick('spxw', 1)).toBe(0.05);
  });

  it('steps ETF and other options in pennies', () => {
    expect(optionTick('SPY', 12.34)).toBe(0.01);
    expect(optionTick('QQQ', 0.5)).toBe(0.01);
    expect(optionTick('AAPL', 5)).toBe(0.01);
  });
});

describe(roundToOptionTick.name, () => {
  it('rounds an SPX fly at 2.37 to 2.35 and one at 2.38 to 2.40 (0.05 below 3)', () => {
    expect(roundToOptionTick('SPX', 2.37)).toBe(2.35);
    expect(roundToOptionTick('SPX', 2.38)).toBe(2.4);
  });

  it('rounds an SPX vertical at 3.76 to 3.80 and one at 12.34 to 12.30 (0.10 from 3 up)', () => {
    expect(roundToOptionTick('SPX', 3.76)).toBe(3.8);
    expect(roundToOptionTick('SPX', 12.34)).toBe(12.3);
    expect(roundToOptionTick('SPX', 3.75)).toBe(3.8); // halfway rounds away from zero, float or not
  });

  it('rounds a credit the same way as a debit of the same size', () => {
    expect(roundToOptionTick('SPX', -7.46)).toBe(-7.5);
    expect(roundToOptionTick('SPX', -0.12)).toBe(-0.1);
    expect(roundToOptionTick('SPX', -0.01)).toBe(0);
    expect(Object.is(roundToOptionTick('SPX', -0.01), -0)).toBe(false);
  });

  it('keeps SPY and QQQ prices to the cent without float dust', () => {
    expect(roundToOptionTick('SPY', 1.234)).toBe(1.23);
    expect(roundToOptionTick('QQQ', 0.1 + 0.2)).toBe(0.3);
  });
});
