import { TRADE_SHAPES, toMinor, type ClosedTrade } from '@marketswarm/shared/journal';
import { describe, expect, it } from 'vitest';
import type { Execution } from '../executions/executions.repository.js';
import { execution, ny, option } from './execution-builder.js';
import { groupExecutions, type GroupedTrade, type GroupingOptions } from './group-executions.js';

/**
 * The shared contract fixture's trade shapes, rebuilt from the fills a broker would export: the
 * grouping must give exactly the gross, fees, net, risk, strategy, side and quantity the
 * analytics are tested with. Leg prices are chosen to net to the fixture's spread prices; fees are
 * the fixture's $0.6625 per contract per side on fills and nothing on expiration rows.
 */

const FIFO: GroupingOptions = { costBasis: 'fifo', now: ny('2026-12-31T12:00') };

function onlyTrade(executions: readonly Execution[], options: GroupingOptions = FIFO): GroupedTrade {
  const trades = groupExecutions(executions, options);
  expect(trades).toHaveLength(1);
  return trades[0] as GroupedTrade;
}

function expectShape(trade: GroupedTrade, shape: ClosedTrade): void {
  expect({
    symbol: trade.symbol,
    strategy: trade.strategy,
    side: trade.side,
    quantity: trade.quantityMicros / 1_000_000,
    openedAt: trade.openedAt,
    closedAt: trade.closedAt,
    status: trade.status,
    gross: trade.grossMicros,
    fees: trade.feesMicros,
    net: trade.netMicros,
    risk: trade.riskMicros,
  }).toEqual({
    symbol: shape.symbol,
    strategy: shape.strategy,
    side: shape.side,
    quantity: shape.quantity,
    openedAt: shape.openedAt,
    closedAt: shape.closedAt,
    status: 'closed',
    gross: shape.grossMinor,
    fees: shape.feesMinor,
    net: shape.netMinor,
    risk: shape.riskMinor,
  });
}

describe('grouping rebuilds the contract fixture shapes', () => {
  it('long call fly 6000/6010/6020 for 1.85, expired worthless (expiration rows at 0)', () => {
    const c = (strike: string) => option('SPXW', '2026-11-30', 'C', strike);
    const at = '2026-11-30T10:05';
    const trade = onlyTrade([
      // debit 12.00 − 2 × 7.00 + 3.85 = 1.85
      execution({ id: 'fly-1', at, side: 'buy', quantity: '1', price: '12.00', leg: c('6000'), combo: 'F', effect: 'open' }),
      execution({ id: 'fly-2', at, side: 'sell', quantity: '2', price: '7.00', leg: c('6010'), combo: 'F', effect: 'open' }),
      execution({ id: 'fly-3', at, side: 'buy', quantity: '1', price: '3.85', leg: c('6020'), combo: 'F', effect: 'open' }),
      execution({ id: 'fly-x1', at: '2026-11-30T16:00', side: 'sell', quantity: '1', price: '0', leg: c('6000'), event: 'expiration' }),
      execution({ id: 'fly-x2', at: '2026-11-30T16:00', side: 'buy', quantity: '2', price: '0', leg: c('6010'), event: 'expiration' }),
      execution({ id: 'fly-x3', at: '2026-11-30T16:00', side: 'sell', quantity: '1', price: '0', leg: c('6020'), event: 'expiration' }),
    ]);
    // gross −185; fees 4 contracts × 0.6625 = 2.65 (opening only); risk = the debit 185
    expectShape(trade, TRADE_SHAPES.longFlyExpiredWorthless);
    expect(trade.key).toBe('fly-1');
    expect(trade.legs.map((l) => [l.strikeMicros, l.side, l.quantityMicros, l.openPriceMicros, l.closePriceMicros])).toEqual([
      [toMinor('6000'), 'buy', toMinor('1'), toMinor('12'), 0],
      [toMinor('6010'), 'sell', toMinor('2'), toMinor('7'), 0],
      [toMinor('6020'), 'buy', toMinor('1'), toMinor('3.85'), 0],
    ]);
  });

  it('short 2 put verticals 5950/5940 for 2.50, bought back at 0.50', () => {
    const p = (strike: string) => option('SPXW', '2026-12-04', 'P', strike);
    const trade = onlyTrade([
      // credit 6.00 − 3.50 = 2.50
      execution({ id: 'cv-1', at: '2026-12-01T09:45', side: 'sell', quantity: '2', price: '6.00', leg: p('5950'), combo: 'O', effect: 'open' }),
      execution({ id: 'cv-2', at: '2026-12-01T09:45', side: 'buy', quantity: '2', price: '3.50', leg: p('5940'), combo: 'O', effect: 'open' }),
      // debit 1.30 − 0.80 = 0.50
      execution({ id: 'cv-3', at: '2026-12-01T13:30', side: 'buy', quantity: '2', price: '1.30', leg: p('5950'), combo: 'C', effect: 'close' }),
      execution({ id: 'cv-4', at: '2026-12-01T13:30', side: 'sell', quantity: '2', price: '0.80', leg: p('5940'), combo: 'C', effect: 'close' }),
    ]);
    // gross (2.50 − 0.50) × 100 × 2 = 400; fees 8 × 0.6625 = 5.30; risk (10 − 2.50) × 100 × 2 = 1500
    expectShape(trade, TRADE_SHAPES.creditVerticalClosedEarly);
  });

  it('long 2 put flies 5900/5910/5920 (1-2-1) for 1.20, sold at 2.95: 4 contracts each way per fly', () => {
    const p = (strike: string) => option('SPXW', '2026-12-01', 'P', strike);
    const open = '2026-12-01T14:10';
    const close = '2026-12-01T15:40';
    const trade = onlyTrade([
      // debit 8.00 − 2 × 4.50 + 2.20 = 1.20
      execution({ id: 'ff-1', at: open, side: 'buy', quantity: '2', price: '8.00', leg: p('5920'), combo: 'O' }),
      execution({ id: 'ff-2', at: open, side: 'sell', quantity: '4', price: '4.50', leg: p('5910'), combo: 'O' }),
      execution({ id: 'ff-3', at: open, side: 'buy', quantity: '2', price: '2.20', leg: p('5900'), combo: 'O' }),
      // credit 10.00 − 2 × 5.00 + 2.95 = 2.95
      execution({ id: 'ff-4', at: close, side: 'sell', quantity: '2', price: '10.00', leg: p('5920'), combo: 'C' }),
      execution({ id: 'ff-5', at: close, side: 'buy', quantity: '4', price: '5.00', leg: p('5910'), combo: 'C' }),
      execution({ id: 'ff-6', at: close, side: 'sell', quantity: '2', price: '2.95', leg: p('5900'), combo: 'C' }),
    ]);
    // gross 1.75 × 100 × 2 = 350; fees (2 + 4 + 2) × 2 sides = 16 × 0.6625 = 10.60; risk 1.20 × 100 × 2 = 240; quantity 2 flies, not 8 contracts
    expectShape(trade, TRADE_SHAPES.oneTwoOneFlyFees);
  });

  it('long 3 XSP 600 calls at 4.00, scaled out 2 at 6.00 and 1 at 3.00', () => {
    const call = option('XSP', '2026-12-04', 'C', '600');
    const trade = onlyTrade([
      execution({ id: 'so-1', at: '2026-12-02T10:30', side: 'buy', quantity: '3', price: '4.00', leg: call, order: '1' }),
      execution({ id: 'so-2', at: '2026-12-02T11:00', side: 'sell', quantity: '2', price: '6.00', leg: call, order: '2' }),
      execution({ id: 'so-3', at: '2026-12-02T11:45', side: 'sell', quantity: '1', price: '3.00', leg: call, order: '3' }),
    ]);
    // gross 2 × 200 − 1 × 100 = 300; fees 6 × 0.6625 = 3.975; risk = premium paid 3 × 4.00 × 100 = 1200
    expectShape(trade, TRADE_SHAPES.partialScaleOut);
  });

  it('same-day first entry and re-entry after flat are two trades', () => {
    const call = option('SPXW', '2026-12-04', 'C', '6050');
    const trades = groupExecutions(
      [
        execution({ id: 're-1', at: '2026-12-03T10:00', side: 'buy', quantity: '1', price: '5.00', leg: call, order: 'a' }),
        execution({ id: 're-2', at: '2026-12-03T10:20', side: 'sell', quantity: '1', price: '4.00', leg: call, order: 'b' }),
        execution({ id: 're-3', at: '2026-12-03T10:40', side: 'buy', quantity: '1', price: '3.50', leg: call, order: 'c' }),
        execution({ id: 're-4', at: '2026-12-03T10:55', side: 'sell', quantity: '1', price: '3.50', leg: call, order: 'd' }),
      ],
      FIFO,
    );
    expect(trades.map((t) => t.key)).toEqual(['re-1', 're-3']);
    // first: gross −100, fees 1.325, risk the premium 500; second: gross 0, fees 1.325, risk 350
    expectShape(trades[0] as GroupedTrade, TRADE_SHAPES.sameDayFirstEntry);
    expectShape(trades[1] as GroupedTrade, TRADE_SHAPES.sameDayReentry);
  });

  describe('long put vertical 6000/5990 for 4.00 held to PM cash settlement at 5992.40', () => {
    const p = (strike: string) => option('SPXW', '2026-12-07', 'P', strike);
    // debit 10.00 − 6.00 = 4.00
    const opening = [
      execution({ id: 'cs-1', at: '2026-12-07T09:35', side: 'buy', quantity: '1', price: '10.00', leg: p('6000'), combo: 'O' }),
      execution({ id: 'cs-2', at: '2026-12-07T09:35', side: 'sell', quantity: '1', price: '6.00', leg: p('5990'), combo: 'O' }),
    ];

    it('closed by the broker’s expiration rows at the settlement values', () => {
      const trade = onlyTrade([
        ...opening,
        // 6000P settles at 6000 − 5992.40 = 7.60; 5990P is out of the money
        execution({ id: 'cs-3', at: '2026-12-07T16:00', side: 'sell', quantity: '1', price: '7.60', leg: p('6000'), event: 'expiration' }),
        execution({ id: 'cs-4', at: '2026-12-07T16:00', side: 'buy', quantity: '1', price: '0', leg: p('5990'), event: 'expiration' }),
      ]);
      // gross (7.60 − 4.00) × 100 = 360; fees 2 × 0.6625 = 1.325 (opening only); risk 400
      expectShape(trade, TRADE_SHAPES.spxCashSettlement);
    });

    it('closed by the settlement price once now is past 16:00 New York on the expiry day', () => {
      const asked: unknown[] = [];
      const settlementPrice: GroupingOptions['settlementPrice'] = (leg) => {
        asked.push(leg);
        return toMinor('5992.40');
      };
      const trade = onlyTrade(opening, { costBasis: 'fifo', now: ny('2026-12-07T16:00'), settlementPrice });
      expectShape(trade, TRADE_SHAPES.spxCashSettlement);
      expect(trade.legs.map((l) => [l.strikeMicros, l.closePriceMicros, l.fills.length])).toEqual([
        [toMinor('5990'), 0, 1],
        [toMinor('6000'), toMinor('7.60'), 1],
      ]);
      expect(asked).toEqual([
        { underlying: 'SPX', symbol: 'SPXW  261207P06000000', expiry: '2026-12-07', amSettled: false },
        { underlying: 'SPX', symbol: 'SPXW  261207P05990000', expiry: '2026-12-07', amSettled: false },
      ]);
    });
  });

  it('short iron condor 5900/5910/6090/6100 for 3.10, bought back at 8.60', () => {
    const leg = (right: 'C' | 'P', strike: string) => option('SPXW', '2026-12-08', right, strike);
    const open = '2026-12-08T09:50';
    const close = '2026-12-08T15:00';
    const trade = onlyTrade([
      // credit (4.00 − 2.50) + (3.60 − 2.00) = 3.10
      execution({ id: 'ic-1', at: open, side: 'sell', quantity: '1', price: '4.00', leg: leg('P', '5910'), combo: 'O' }),
      execution({ id: 'ic-2', at: open, side: 'buy', quantity: '1', price: '2.50', leg: leg('P', '5900'), combo: 'O' }),
      execution({ id: 'ic-3', at: open, side: 'sell', quantity: '1', price: '3.60', leg: leg('C', '6090'), combo: 'O' }),
      execution({ id: 'ic-4', at: open, side: 'buy', quantity: '1', price: '2.00', leg: leg('C', '6100'), combo: 'O' }),
      // debit (9.00 − 4.00) + (5.60 − 2.00) = 8.60
      execution({ id: 'ic-5', at: close, side: 'buy', quantity: '1', price: '9.00', leg: leg('P', '5910'), combo: 'C' }),
      execution({ id: 'ic-6', at: close, side: 'sell', quantity: '1', price: '4.00', leg: leg('P', '5900'), combo: 'C' }),
      execution({ id: 'ic-7', at: close, side: 'buy', quantity: '1', price: '5.60', leg: leg('C', '6090'), combo: 'C' }),
      execution({ id: 'ic-8', at: close, side: 'sell', quantity: '1', price: '2.00', leg: leg('C', '6100'), combo: 'C' }),
    ]);
    // gross (3.10 − 8.60) × 100 = −550; fees 4 legs × 2 sides × 0.6625 = 5.30; risk (10 − 3.10) × 100 = 690
    expectShape(trade, TRADE_SHAPES.losingIronCondor);
  });
});
