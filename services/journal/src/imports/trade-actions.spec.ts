import { describe, expect, it } from 'vitest';
import { BUY, BUY_TO_CLOSE, BUY_TO_OPEN, closingBySign, SELL_TO_CLOSE, SELL_TO_OPEN, tradeActionOf } from './trade-actions.js';

describe(tradeActionOf.name, () => {
  it.each([
    ['Buy to Open', BUY_TO_OPEN], // Schwab
    ['Bought To Open', BUY_TO_OPEN], // E*TRADE
    ['BUY_TO_OPEN', BUY_TO_OPEN], // tastytrade
    ['Sold Short', SELL_TO_OPEN], // E*TRADE
    ['Sell Short', SELL_TO_OPEN], // Schwab, TradeStation
    ['Bought To Cover', BUY_TO_CLOSE],
    ['Sold  To Close', SELL_TO_CLOSE],
    ['Buy', BUY],
  ])('reads %s', (text, action) => {
    expect(tradeActionOf(text)).toEqual(action);
  });

  it('answers null for what is not an order action', () => {
    expect(tradeActionOf('Qualified Dividend')).toBeNull();
    expect(tradeActionOf('Buyback')).toBeNull();
    expect(tradeActionOf('')).toBeNull();
  });
});

describe(closingBySign.name, () => {
  it('closes a short with a positive quantity (a buy) and a long with a negative one (a sell)', () => {
    expect(closingBySign('2')).toEqual(BUY_TO_CLOSE);
    expect(closingBySign('-2')).toEqual(SELL_TO_CLOSE);
  });
});
