import { describe, expect, it } from 'vitest';
import { optionTick, roundToOptionTick, roundToOptionTickWithin } from './option-ticks.js';

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

describe(roundToOptionTickWithin.name, () => {
  it('keeps the nearest tick when it lies inside the market', () => {
    expect(roundToOptionTickWithin('SPX', 4.43, 4.2, 4.6)).toBe(4.4);
    expect(roundToOptionTickWithin('SPX', -8.22, -8.6, -7.8)).toBe(-8.2);
  });

  it('rounds a mid that rounded below the bid up to the first tick inside: 2.97 / 3.20 market, mid 2.97, not 2.95', () => {
    expect(roundToOptionTick('SPX', 2.97)).toBe(2.95); // below the 2.97 bid
    expect(roundToOptionTickWithin('SPX', 2.97, 2.97, 3.2)).toBe(3);
    expect(roundToOptionTickWithin('SPX', 3.04, 3.01, 3.2)).toBe(3.1); // 3.00 is under the bid, 0.10 from 3 up
  });

  it('rounds a mid that rounded above the ask down to the last tick inside, across the 3.00 step', () => {
    expect(roundToOptionTickWithin('SPX', 3.06, 2.8, 3.07)).toBe(3); // 3.10 is over the ask
    expect(roundToOptionTickWithin('SPX', 2.98, 2.8, 2.99)).toBe(2.95);
    expect(roundToOptionTickWithin('SPX', 4.48, 4.2, 4.49)).toBe(4.4);
  });

  it('mirrors credits: a −2.97 mid in a −3.20 / −2.97 market is −3.00', () => {
    expect(roundToOptionTickWithin('SPX', -2.97, -3.2, -2.97)).toBe(-3);
    expect(roundToOptionTickWithin('SPX', -0.02, -0.2, -0.01)).toBe(-0.05);
  });

  it('finds no tick in a market narrower than its tick, and pennies always fit', () => {
    expect(roundToOptionTickWithin('SPX', 4.43, 4.41, 4.44)).toBeUndefined();
    expect(roundToOptionTickWithin('SPY', 4.436, 4.41, 4.43)).toBe(4.43);
  });
});
