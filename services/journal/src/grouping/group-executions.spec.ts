import { toMinor } from '@marketswarm/shared/journal';
import { describe, expect, it } from 'vitest';
import type { Execution } from '../executions/executions.repository.js';
import { execution, future, ny, option, stock } from './execution-builder.js';
import { groupExecutions, groupExecutionsWithUnmatched, type GroupedTrade, type GroupingOptions } from './group-executions.js';

/** Scenario specs for the grouping rules beyond the contract fixture (trade-shapes.spec.ts). Fees are $0.6625 per contract unless a row says otherwise. */

const FIFO: GroupingOptions = { costBasis: 'fifo', now: ny('2026-12-31T12:00') };
const AVERAGE: GroupingOptions = { ...FIFO, costBasis: 'average' };
const usd = toMinor;

function byKey(trades: readonly GroupedTrade[], key: string): GroupedTrade {
  const trade = trades.find((t) => t.key === key);
  if (!trade) throw new Error(`no trade ${key} in ${trades.map((t) => t.key).join(', ')}`);
  return trade;
}

function money(t: GroupedTrade) {
  return { gross: t.grossMicros, fees: t.feesMicros, net: t.netMicros, risk: t.riskMicros, status: t.status, closedAt: t.closedAt };
}

describe('partial exits: FIFO and average cost', () => {
  const call = option('XSP', '2026-12-04', 'C', '600');
  const buys = [
    execution({ id: 'b1', at: '2026-12-02T10:30', side: 'buy', quantity: '1', price: '4.00', leg: call, order: '1' }),
    // another order for the same call: a scale-in, one trade
    execution({ id: 'b2', at: '2026-12-02T10:35', side: 'buy', quantity: '2', price: '5.00', leg: call, order: '2' }),
  ];
  const firstExit = execution({ id: 's1', at: '2026-12-02T11:00', side: 'sell', quantity: '1', price: '6.00', leg: call, order: '3' });
  const lastExit = execution({ id: 's2', at: '2026-12-02T11:30', side: 'sell', quantity: '2', price: '5.50', leg: call, order: '4' });

  it('while partly closed, FIFO realises against the oldest lot and average cost against the mean', () => {
    const [fifo] = groupExecutions([...buys, firstExit], FIFO);
    const [average] = groupExecutions([...buys, firstExit], AVERAGE);
    // fees 4 contracts × 0.6625 = 2.65 either way; risk = premium paid 400 + 1000 = 1400
    // FIFO: the 4.00 lot goes first: (6.00 − 4.00) × 100 = 200
    expect(fifo && money(fifo)).toEqual({ gross: usd('200'), fees: usd('2.65'), net: usd('197.35'), risk: usd('1400'), status: 'open', closedAt: null });
    // average: cost (400 + 1000) / 3 = 466.666667 per contract; 600 − 466.666667 = 133.333333
    expect(average && money(average)).toEqual({ gross: usd('133.333333'), fees: usd('2.65'), net: usd('130.683333'), risk: usd('1400'), status: 'open', closedAt: null });
    expect(average?.legs[0]).toMatchObject({ quantityMicros: usd('3'), openPriceMicros: usd('4.666667'), closePriceMicros: usd('6') });
  });

  it('once flat both give Σ sells − Σ buys', () => {
    for (const options of [FIFO, AVERAGE]) {
      const trades = groupExecutions([...buys, firstExit, lastExit], options);
      expect(trades).toHaveLength(1);
      // sells 600 + 1100 − buys 400 + 1000 = 300; fees 6 × 0.6625 = 3.975
      expect(trades[0] && money(trades[0])).toEqual({ gross: usd('300'), fees: usd('3.975'), net: usd('296.025'), risk: usd('1400'), status: 'closed', closedAt: ny('2026-12-02T11:30') });
      expect(trades[0]?.legs[0]?.fills).toEqual([
        { executionId: 'b1', quantityMicros: usd('1') },
        { executionId: 'b2', quantityMicros: usd('2') },
        { executionId: 's1', quantityMicros: usd('1') },
        { executionId: 's2', quantityMicros: usd('2') },
      ]);
      // average close (6.00 + 2 × 5.50) / 3 = 5.666667
      expect(trades[0]?.legs[0]?.closePriceMicros).toBe(usd('5.666667'));
    }
  });
});

describe('a flip long → short in one fill', () => {
  const es = future('/ESZ26', '50');
  const trades = groupExecutions(
    [
      execution({ id: 'long', at: '2026-12-02T10:00', side: 'buy', quantity: '1', price: '6000', leg: es, commission: '0.50', exchangeFee: '0' }),
      // sells 3 with no open/close flag: 1 closes the long, 2 open a short; its $1.00 fee is split 1/3 : 2/3
      execution({ id: 'flip', at: '2026-12-02T10:05', side: 'sell', quantity: '3', price: '6010', leg: es, commission: '1.00', exchangeFee: '0' }),
      execution({ id: 'cover', at: '2026-12-02T10:30', side: 'buy', quantity: '2', price: '6004', leg: es, commission: '0.50', exchangeFee: '0' }),
    ],
    FIFO,
  );

  it('closes the long trade with the closing part and opens a short trade with the rest', () => {
    expect(trades.map((t) => [t.key, t.symbol, t.strategy, t.side, t.quantityMicros])).toEqual([
      ['long', '/ES', 'future', 'long', usd('1')],
      ['flip', '/ES', 'future', 'short', usd('2')],
    ]);
    // (6010 − 6000) × 50 × 1 = 500; fees 0.50 + 1.00 × 1/3 = 0.50 + 0.333333 (rounded to the micro)
    expect(money(byKey(trades, 'long'))).toEqual({ gross: usd('500'), fees: usd('0.833333'), net: usd('499.166667'), risk: null, status: 'closed', closedAt: ny('2026-12-02T10:05') });
    // (6010 − 6004) × 50 × 2 = 600; fees: the flip's other 2/3 is 1.00 − 0.333333 = 0.666667, + 0.50
    expect(money(byKey(trades, 'flip'))).toEqual({ gross: usd('600'), fees: usd('1.166667'), net: usd('598.833333'), risk: null, status: 'closed', closedAt: ny('2026-12-02T10:30') });
  });

  it('shares the flip fill between the two trades by quantity, and its fee to the micro', () => {
    expect(byKey(trades, 'long').legs[0]?.fills).toEqual([
      { executionId: 'long', quantityMicros: usd('1') },
      { executionId: 'flip', quantityMicros: usd('1') },
    ]);
    expect(byKey(trades, 'flip').legs[0]?.fills).toEqual([
      { executionId: 'flip', quantityMicros: usd('2') },
      { executionId: 'cover', quantityMicros: usd('2') },
    ]);
    // 0.50 + 1.00 + 0.50 = 2.00 of fees in the file, 2.00 in the trades
    expect(trades.reduce((s, t) => s + t.feesMicros, 0)).toBe(usd('2'));
  });

  it('a fill marked close never flips: what it cannot close is reported, not opened', () => {
    const { trades: closed, unmatched } = groupExecutionsWithUnmatched(
      [
        execution({ id: 'l', at: '2026-12-02T10:00', side: 'buy', quantity: '1', price: '6000', leg: es }),
        execution({ id: 'c', at: '2026-12-02T10:05', side: 'sell', quantity: '3', price: '6010', leg: es, effect: 'close' }),
      ],
      FIFO,
    );
    expect(closed.map((t) => [t.key, t.status])).toEqual([['l', 'closed']]);
    expect(unmatched).toEqual([{ executionId: 'c', quantityMicros: usd('2') }]);
  });
});

describe('fills of one order or one second', () => {
  const mnq = future('/MNQM6', '2');

  it('partial fills of one order are one opening, even minutes apart', () => {
    const trades = groupExecutions(
      [
        execution({ id: 'p1', at: '2026-12-02T10:00', side: 'buy', quantity: '2', price: '21000', leg: mnq, order: 'big' }),
        execution({ id: 'p2', at: '2026-12-02T10:03', side: 'buy', quantity: '3', price: '21001', leg: mnq, order: 'big' }),
        execution({ id: 'p3', at: '2026-12-02T10:30', side: 'sell', quantity: '5', price: '21010', leg: mnq, order: 'exit' }),
      ],
      FIFO,
    );
    // (21010 − 21000) × 2 × 2 + (21010 − 21001) × 2 × 3 = 40 + 54 = 94
    expect(trades.map((t) => [t.key, t.quantityMicros, t.grossMicros, t.status])).toEqual([['p1', usd('5'), usd('94'), 'closed']]);
  });

  it('a round trip inside one second with no order ids is an open then a close, not two legs', () => {
    // Tradovate's paired fills: both timestamps the same second, no open/close flag
    const trades = groupExecutions(
      [
        execution({ id: 'a-buy', at: '2026-12-02T11:14:44', side: 'buy', quantity: '5', price: '25073.25', leg: mnq, commission: '0', exchangeFee: '0' }),
        execution({ id: 'b-sell', at: '2026-12-02T11:14:44', side: 'sell', quantity: '5', price: '25072.00', leg: mnq, commission: '0', exchangeFee: '0' }),
      ],
      FIFO,
    );
    // (25072.00 − 25073.25) × 2 × 5 = −12.50
    expect(trades.map((t) => [t.strategy, t.side, t.legs.length, t.grossMicros, t.status])).toEqual([['future', 'long', 1, usd('-12.5'), 'closed']]);
  });
});

describe('a leg closed later than the others stays in the trade', () => {
  const p = (strike: string) => option('SPXW', '2026-12-04', 'P', strike);
  const fills = [
    // credit 6.00 − 3.50 = 2.50
    execution({ id: 'v1', at: '2026-12-01T09:45', side: 'sell', quantity: '1', price: '6.00', leg: p('5950'), combo: 'O', effect: 'open' }),
    execution({ id: 'v2', at: '2026-12-01T09:45', side: 'buy', quantity: '1', price: '3.50', leg: p('5940'), combo: 'O', effect: 'open' }),
    // the short leg bought back alone
    execution({ id: 'v3', at: '2026-12-02T11:00', side: 'buy', quantity: '1', price: '0.40', leg: p('5950'), order: 'x', effect: 'close' }),
  ];
  const expiry = execution({ id: 'v4', at: '2026-12-04T16:00', side: 'sell', quantity: '1', price: '0', leg: p('5940'), event: 'expiration' });

  it('is open while the long leg is held, realising only the closed leg', () => {
    const [trade] = groupExecutions(fills, FIFO);
    // realised on the short leg: (6.00 − 0.40) × 100 = 560; the long leg's 350 is still at work; fees 3 × 0.6625 = 1.9875
    expect(trade && money(trade)).toEqual({ gross: usd('560'), fees: usd('1.9875'), net: usd('558.0125'), risk: usd('750'), status: 'open', closedAt: null });
  });

  it('closes when the last leg expires, as one vertical', () => {
    const trades = groupExecutions([...fills, expiry], FIFO);
    expect(trades).toHaveLength(1);
    // 600 − 350 − 40 + 0 = 210; risk (10 − 2.50) × 100 = 750
    expect(trades[0] && money(trades[0])).toEqual({ gross: usd('210'), fees: usd('1.9875'), net: usd('208.0125'), risk: usd('750'), status: 'closed', closedAt: ny('2026-12-04T16:00') });
    expect(trades[0]?.strategy).toBe('vertical');
  });
});

describe('overlapping trades in one underlying', () => {
  const p = (strike: string) => option('SPXW', '2026-12-04', 'P', strike);
  const fly = [
    execution({ id: 'fly-a', at: '2026-12-01T10:00', side: 'buy', quantity: '1', price: '9.00', leg: p('5960'), combo: 'FLY' }),
    execution({ id: 'fly-b', at: '2026-12-01T10:00', side: 'sell', quantity: '2', price: '6.00', leg: p('5950'), combo: 'FLY' }),
    execution({ id: 'fly-c', at: '2026-12-01T10:00', side: 'buy', quantity: '1', price: '4.00', leg: p('5940'), combo: 'FLY' }),
  ];
  const vertical = [
    execution({ id: 'vert-a', at: '2026-12-01T10:10', side: 'sell', quantity: '1', price: '6.10', leg: p('5950'), combo: 'VERT' }),
    execution({ id: 'vert-b', at: '2026-12-01T10:10', side: 'buy', quantity: '1', price: '4.05', leg: p('5940'), combo: 'VERT' }),
  ];
  // the vertical bought back as a spread: both trades hold a short 5950 and a long 5940
  const verticalClose = [
    execution({ id: 'close-a', at: '2026-12-01T12:00', side: 'buy', quantity: '1', price: '3.00', leg: p('5950'), combo: 'CLOSE', effect: 'close' }),
    execution({ id: 'close-b', at: '2026-12-01T12:00', side: 'sell', quantity: '1', price: '2.20', leg: p('5940'), combo: 'CLOSE', effect: 'close' }),
  ];

  it('stay apart by combo id', () => {
    const trades = groupExecutions([...fly, ...vertical], FIFO);
    expect(trades.map((t) => [t.key, t.strategy, t.side, t.quantityMicros])).toEqual([
      ['fly-a', 'butterfly', 'long', usd('1')],
      ['vert-a', 'vertical', 'short', usd('1')],
    ]);
  });

  it('a closing spread closes the trade whose quantities it matches, not the older fly sharing its strikes', () => {
    const trades = groupExecutions([...fly, ...vertical, ...verticalClose], FIFO);
    const flyTrade = byKey(trades, 'fly-a');
    expect(flyTrade.status).toBe('open');
    expect(flyTrade.legs.map((l) => l.fills.map((f) => f.executionId))).toEqual([['fly-c'], ['fly-b'], ['fly-a']]);
    // credit 6.10 − 4.05 = 2.05, debit 3.00 − 2.20 = 0.80: (2.05 − 0.80) × 100 = 125; fees 4 × 0.6625 = 2.65
    expect(money(byKey(trades, 'vert-a'))).toMatchObject({ gross: usd('125'), fees: usd('2.65'), status: 'closed', closedAt: ny('2026-12-01T12:00') });
  });

  it('fills without combo or order ids group by their exact time; other accounts never mix', () => {
    const trades = groupExecutions(
      [
        execution({ id: 't1', at: '2026-12-01T10:00', side: 'buy', quantity: '1', price: '9.00', leg: p('5960') }),
        execution({ id: 't2', at: '2026-12-01T10:00', side: 'sell', quantity: '1', price: '6.00', leg: p('5950') }),
        execution({ id: 't3', at: '2026-12-01T10:01', side: 'buy', quantity: '1', price: '9.10', leg: p('5970') }),
        execution({ id: 't4', at: '2026-12-01T10:00', side: 'sell', quantity: '1', price: '6.00', leg: p('5950'), account: 'U2' }),
      ],
      FIFO,
    );
    expect(trades.map((t) => [t.key, t.strategy, t.legs.length])).toEqual([
      ['t1', 'vertical', 2],
      ['t4', 'single', 1],
      ['t3', 'single', 1],
    ]);
  });
});

describe('scale-ins and rolls', () => {
  const c = (strike: string, expiry = '2026-12-18') => option('SPXW', expiry, 'C', strike);
  const flyAt = (id: string, at: string, debitLow: string) => [
    execution({ id: `${id}-1`, at, side: 'buy', quantity: '1', price: debitLow, leg: c('6000'), combo: id }),
    execution({ id: `${id}-2`, at, side: 'sell', quantity: '2', price: '10.00', leg: c('6010'), combo: id }),
    execution({ id: `${id}-3`, at, side: 'buy', quantity: '1', price: '5.00', leg: c('6020'), combo: id }),
  ];

  it('the same structure bought again while open adds to the trade', () => {
    const trades = groupExecutions([...flyAt('A', '2026-12-14T10:00', '17.00'), ...flyAt('B', '2026-12-14T11:00', '16.00')], FIFO);
    expect(trades).toHaveLength(1);
    // debits 17 − 20 + 5 = 2.00 and 16 − 20 + 5 = 1.00: risk (2.00 + 1.00) × 100 = 300; 2 flies
    expect(trades[0]).toMatchObject({ key: 'A-1', strategy: 'butterfly', side: 'long', quantityMicros: usd('2'), riskMicros: usd('300'), status: 'open' });
  });

  it('a roll of one side keeps the trade; a roll of the whole position starts a new one', () => {
    const leg = (right: 'C' | 'P', strike: string) => option('SPXW', '2026-12-18', right, strike);
    const condor = [
      execution({ id: 'ic-1', at: '2026-12-14T10:00', side: 'sell', quantity: '1', price: '4.00', leg: leg('P', '5910'), combo: 'IC' }),
      execution({ id: 'ic-2', at: '2026-12-14T10:00', side: 'buy', quantity: '1', price: '2.50', leg: leg('P', '5900'), combo: 'IC' }),
      execution({ id: 'ic-3', at: '2026-12-14T10:00', side: 'sell', quantity: '1', price: '3.60', leg: leg('C', '6090'), combo: 'IC' }),
      execution({ id: 'ic-4', at: '2026-12-14T10:00', side: 'buy', quantity: '1', price: '2.00', leg: leg('C', '6100'), combo: 'IC' }),
    ];
    // roll the call spread up 50 points in one order: close 6090/6100, open 6140/6150
    const roll = [
      execution({ id: 'r-1', at: '2026-12-15T10:00', side: 'buy', quantity: '1', price: '6.00', leg: leg('C', '6090'), combo: 'ROLL', effect: 'close' }),
      execution({ id: 'r-2', at: '2026-12-15T10:00', side: 'sell', quantity: '1', price: '3.50', leg: leg('C', '6100'), combo: 'ROLL', effect: 'close' }),
      execution({ id: 'r-3', at: '2026-12-15T10:00', side: 'sell', quantity: '1', price: '2.00', leg: leg('C', '6140'), combo: 'ROLL', effect: 'open' }),
      execution({ id: 'r-4', at: '2026-12-15T10:00', side: 'buy', quantity: '1', price: '1.20', leg: leg('C', '6150'), combo: 'ROLL', effect: 'open' }),
    ];
    const adjusted = groupExecutions([...condor, ...roll], FIFO);
    expect(adjusted.map((t) => [t.key, t.legs.length, t.status])).toEqual([['ic-1', 6, 'open']]);
    // six legs opened: not a named structure any more
    expect(adjusted[0]?.strategy).toBe('custom');

    const single = [
      execution({ id: 's-1', at: '2026-12-14T10:00', side: 'buy', quantity: '1', price: '20.00', leg: c('6000'), order: 'o1' }),
      execution({ id: 's-2', at: '2026-12-15T10:00', side: 'sell', quantity: '1', price: '25.00', leg: c('6000'), combo: 'ROLL2', effect: 'close' }),
      execution({ id: 's-3', at: '2026-12-15T10:00', side: 'buy', quantity: '1', price: '12.00', leg: c('6050'), combo: 'ROLL2', effect: 'open' }),
    ];
    const rolled = groupExecutions(single, FIFO);
    expect(rolled.map((t) => [t.key, t.status, t.grossMicros])).toEqual([
      // (25 − 20) × 100 = 500
      ['s-1', 'closed', usd('500')],
      ['s-3', 'open', 0],
    ]);
  });
});

describe('classification, side, quantity and defined risk of the other shapes', () => {
  const at = '2026-12-14T10:00';
  const one = (legs: [side: 'buy' | 'sell', quantity: string, price: string, leg: ReturnType<typeof option>][]): GroupedTrade => {
    const trades = groupExecutions(
      legs.map(([side, quantity, price, leg], i) => execution({ id: `x${i}`, at, side, quantity, price, leg, combo: 'K', effect: 'open' })),
      FIFO,
    );
    expect(trades).toHaveLength(1);
    return trades[0] as GroupedTrade;
  };
  const c = (strike: string, expiry = '2026-12-18') => option('SPXW', expiry, 'C', strike);
  const p = (strike: string, expiry = '2026-12-18') => option('SPXW', expiry, 'P', strike);
  const shape = (t: GroupedTrade) => [t.strategy, t.side, t.quantityMicros / 1_000_000, t.riskMicros];

  it('broken-wing call fly 6000/6010/6030 for 1.00: the wide wing is the risk', () => {
    // above 6030: +1 × (S − 6000) − 2 × (S − 6010) + 1 × (S − 6030) = −10 points, − 1.00 debit → (10 + 1) × 100 = 1100
    expect(shape(one([['buy', '1', '15.00', c('6000')], ['sell', '2', '10.00', c('6010')], ['buy', '1', '6.00', c('6030')]]))).toEqual(['butterfly', 'long', 1, usd('1100')]);
  });

  it('short iron fly 5980/6000/6000/6020 for 14.00', () => {
    // credit (30 − 22) + (28 − 22) = 14.00; risk (20 − 14) × 100 = 600
    expect(shape(one([['buy', '1', '22.00', p('5980')], ['sell', '1', '30.00', p('6000')], ['sell', '1', '28.00', c('6000')], ['buy', '1', '22.00', c('6020')]]))).toEqual(['iron fly', 'short', 1, usd('600')]);
  });

  it('long iron condor (bought for a debit) risks the debit', () => {
    // debit (4.00 − 2.50) + (3.60 − 2.00) = 3.10 → risk 310
    expect(shape(one([['sell', '1', '2.50', p('5900')], ['buy', '1', '4.00', p('5910')], ['buy', '1', '3.60', c('6090')], ['sell', '1', '2.00', c('6100')]]))).toEqual(['iron condor', 'long', 1, usd('310')]);
  });

  it('call calendar 6000 Dec/Jan for 25.00 risks the debit', () => {
    // 55 − 30 = 25 × 100 × 2 = 5000
    expect(shape(one([['sell', '2', '30.00', c('6000', '2026-12-18')], ['buy', '2', '55.00', c('6000', '2027-01-15')]]))).toEqual(['calendar', 'long', 2, usd('5000')]);
  });

  it('diagonals: the debit, plus the strike difference when the short leg is the deeper one', () => {
    // sell Dec 6050C, buy Jan 6000C for 60 − 25 = 35 → 3500 (the long strike is the deeper one)
    expect(shape(one([['sell', '1', '25.00', c('6050', '2026-12-18')], ['buy', '1', '60.00', c('6000', '2027-01-15')]]))).toEqual(['diagonal', 'long', 1, usd('3500')]);
    // sell Dec 5950P, buy Jan 5900P for 35 − 20 = 15: below 5900 the short put is 50 deeper → (15 + 50) × 100 = 6500
    expect(shape(one([['sell', '1', '20.00', p('5950', '2026-12-18')], ['buy', '1', '35.00', p('5900', '2027-01-15')]]))).toEqual(['diagonal', 'long', 1, usd('6500')]);
  });

  it('long straddle risks its debit; short strangle and naked short options are undefined risk', () => {
    // 40 + 45 = 85 × 100 = 8500
    expect(shape(one([['buy', '1', '40.00', p('6000')], ['buy', '1', '45.00', c('6000')]]))).toEqual(['straddle', 'long', 1, usd('8500')]);
    expect(shape(one([['sell', '1', '20.00', p('5900')], ['sell', '1', '22.00', c('6100')]]))).toEqual(['strangle', 'short', 1, null]);
    expect(shape(one([['sell', '1', '20.00', p('5900')]]))).toEqual(['single', 'short', 1, null]);
    expect(shape(one([['sell', '1', '22.00', c('6100')]]))).toEqual(['single', 'short', 1, null]);
  });

  it('a put ratio (1 × 2) loses all the way down: undefined risk, custom; its side follows the cash', () => {
    // credit 2 × 15.50 − 30.00 = 1.00: short
    expect(shape(one([['buy', '1', '30.00', p('6000')], ['sell', '2', '15.50', p('5950')]]))).toEqual(['custom', 'short', 1, null]);
    // even money (2 × 15.00 − 30.00 = 0) counts as long
    expect(shape(one([['buy', '1', '30.00', p('6000')], ['sell', '2', '15.00', p('5950')]]))).toEqual(['custom', 'long', 1, null]);
  });
});

describe('open trades, stock and assignment', () => {
  it('an open trade has no close time and realises nothing yet', () => {
    const [trade] = groupExecutions([execution({ id: 'o1', at: '2026-12-14T10:00', side: 'buy', quantity: '2', price: '5.00', leg: option('SPXW', '2026-12-18', 'C', '6100') })], FIFO);
    // fees 2 × 0.6625 = 1.325 paid; premium at risk 5.00 × 100 × 2 = 1000
    expect(trade && money(trade)).toEqual({ gross: 0, fees: usd('1.325'), net: usd('-1.325'), risk: usd('1000'), status: 'open', closedAt: null });
    expect(trade?.legs[0]).toMatchObject({ closePriceMicros: null, quantityMicros: usd('2'), openPriceMicros: usd('5') });
    expect(trade).toMatchObject({ notes: '', marketAtEntry: null });
  });

  it('an assigned short put closes at the price given; the delivered shares are a stock trade of their own', () => {
    const put = option('AAPL', '2026-12-18', 'P', '200');
    const trades = groupExecutions(
      [
        execution({ id: 'sp', at: '2026-12-14T10:00', side: 'sell', quantity: '1', price: '3.00', leg: put, effect: 'open' }),
        execution({ id: 'asg', at: '2026-12-18T16:00', side: 'buy', quantity: '1', price: '0', leg: put, event: 'assignment' }),
        execution({ id: 'shares', at: '2026-12-18T16:00', side: 'buy', quantity: '100', price: '200', leg: stock('AAPL'), order: 'asg', effect: 'open', commission: '0', exchangeFee: '0' }),
      ],
      FIFO,
    );
    expect(trades.map((t) => [t.key, t.symbol, t.strategy, t.side, t.quantityMicros, t.status, t.grossMicros, t.riskMicros])).toEqual([
      // credit 3.00 × 100 = 300 kept; a naked short put has no defined risk
      ['sp', 'AAPL', 'single', 'short', usd('1'), 'closed', usd('300'), null],
      ['shares', 'AAPL', 'stock', 'long', usd('100'), 'open', 0, null],
    ]);
  });

  it('an expiration row closes the leg whichever side it carries', () => {
    const put = option('SPXW', '2026-12-04', 'P', '5900');
    const [trade] = groupExecutions(
      [
        execution({ id: 'short', at: '2026-12-01T10:00', side: 'sell', quantity: '1', price: '2.00', leg: put, effect: 'open' }),
        // an export that writes no side: the importer's default is 'sell', the same side as the position
        execution({ id: 'gone', at: '2026-12-04T16:00', side: 'sell', quantity: '1', price: '0', leg: put, event: 'expiration' }),
      ],
      FIFO,
    );
    expect(trade && money(trade)).toMatchObject({ gross: usd('200'), status: 'closed', closedAt: ny('2026-12-04T16:00') });
  });
});

describe('cash settlement through settlementPrice', () => {
  const longCall = (root: string, expiry: string): Execution =>
    execution({ id: `${root}-call`, at: '2026-12-14T10:00', side: 'buy', quantity: '1', price: '50.00', leg: option(root, expiry, 'C', '6000', 'SPX') });

  it('an SPX monthly (root SPX, third Friday) settles AM at 09:30 on the opening print', () => {
    const asked: { amSettled: boolean }[] = [];
    const [trade] = groupExecutions([longCall('SPX', '2026-12-18')], {
      costBasis: 'fifo',
      now: ny('2026-12-18T09:30'),
      settlementPrice: (leg) => {
        asked.push(leg);
        return usd('6075.25');
      },
    });
    // settles at 6075.25 − 6000 = 75.25: (75.25 − 50.00) × 100 = 2525
    expect(trade && money(trade)).toMatchObject({ gross: usd('2525'), status: 'closed', closedAt: ny('2026-12-18T09:30') });
    expect(asked).toEqual([{ underlying: 'SPX', symbol: 'SPX   261218C06000000', expiry: '2026-12-18', amSettled: true }]);
  });

  it('an SPXW of the same day settles PM, at 16:00', () => {
    const [trade] = groupExecutions([longCall('SPXW', '2026-12-18')], { costBasis: 'fifo', now: ny('2026-12-18T16:00'), settlementPrice: () => usd('5990') });
    // out of the money: settles at 0, gross −5000
    expect(trade && money(trade)).toMatchObject({ gross: usd('-5000'), status: 'closed', closedAt: ny('2026-12-18T16:00') });
  });

  it('stays open before the settlement time, when the price is unknown, and for physically settled options', () => {
    let calls = 0;
    const settlementPrice = () => {
      calls += 1;
      return usd('6100');
    };
    const [early] = groupExecutions([longCall('SPXW', '2026-12-18')], { costBasis: 'fifo', now: ny('2026-12-18T15:59'), settlementPrice });
    expect(early?.status).toBe('open');
    expect(calls).toBe(0);
    const [unknown] = groupExecutions([longCall('SPXW', '2026-12-18')], { costBasis: 'fifo', now: ny('2026-12-19T12:00'), settlementPrice: () => undefined });
    expect(unknown?.status).toBe('open');
    const equity = execution({ id: 'aapl', at: '2026-12-14T10:00', side: 'buy', quantity: '1', price: '5.00', leg: option('AAPL', '2026-12-18', 'C', '200') });
    const [physical] = groupExecutions([equity], { costBasis: 'fifo', now: ny('2026-12-19T12:00'), settlementPrice });
    expect(physical?.status).toBe('open');
    expect(calls).toBe(0);
  });
});

describe('identity and order', () => {
  const call = option('SPXW', '2026-12-04', 'C', '6050');
  const fills = [
    execution({ id: 'k1', at: '2026-12-03T10:00', side: 'buy', quantity: '1', price: '5.00', leg: call, order: 'a' }),
    execution({ id: 'k2', at: '2026-12-03T10:20', side: 'sell', quantity: '1', price: '4.00', leg: call, order: 'b' }),
    execution({ id: 'k3', at: '2026-12-03T10:40', side: 'buy', quantity: '1', price: '3.50', leg: call, order: 'c' }),
  ];

  it('gives the same trades whatever order the fills come in', () => {
    expect(groupExecutions([...fills].reverse(), FIFO)).toEqual(groupExecutions(fills, FIFO));
  });

  it('keeps a trade’s key when later fills arrive', () => {
    const before = groupExecutions(fills, FIFO);
    const after = groupExecutions([...fills, execution({ id: 'k4', at: '2026-12-03T10:55', side: 'sell', quantity: '1', price: '3.50', leg: call, order: 'd' })], FIFO);
    expect(before.map((t) => [t.key, t.status])).toEqual([
      ['k1', 'closed'],
      ['k3', 'open'],
    ]);
    expect(after.map((t) => [t.key, t.status])).toEqual([
      ['k1', 'closed'],
      ['k3', 'closed'],
    ]);
  });

  it('reports a close with nothing open to close instead of inventing a trade', () => {
    const result = groupExecutionsWithUnmatched([execution({ id: 'orphan', at: '2026-12-03T10:00', side: 'sell', quantity: '1', price: '4.00', leg: call, effect: 'close' })], FIFO);
    expect(result).toEqual({ trades: [], unmatched: [{ executionId: 'orphan', quantityMicros: usd('1') }] });
  });

  it('books nothing for a fill of no size', () => {
    const result = groupExecutionsWithUnmatched([execution({ id: 'empty', at: '2026-12-03T10:00', side: 'buy', quantity: '0', price: '4.00', leg: call })], FIFO);
    expect(result).toEqual({ trades: [], unmatched: [{ executionId: 'empty', quantityMicros: 0 }] });
  });
});
