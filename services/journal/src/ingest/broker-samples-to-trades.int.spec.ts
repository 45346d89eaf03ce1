import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { parseMicros } from '../database/money.js';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { importFile } from '../imports/index.js';
import { TradeLogsRepository } from '../trade-logs/trade-logs.repository.js';
import { TradesRepository, type Trade } from '../trades/trades.repository.js';
import { fillsFromImport } from './execution-from-import.js';
import { LogIngest, type IngestOptions, type IngestOutcome } from './log-ingest.js';

/*
 * Every broker sample in imports/fixtures/ok (the real ones copied from ../shared/broker-samples,
 * and the constructed ones with option spreads) imported end to end — file → executions → trades —
 * into a fresh log, each trade's figures worked out by hand from the file's own rows. Line numbers
 * are the file's (1-based, header included). Times in the exports are wall clock in New York unless
 * the row carries an offset; the expectations are written with the offset of that day (EDT −04:00,
 * EST −05:00). Nothing here settles a cash-settled option: a leg the file does not close stays open.
 * IBKR's GOLD sale carries a commission finer than a micro-dollar (1.1108314): it is stored rounded.
 */

/** Long after every sample, so every expiry in them has passed. */
const NOW = Date.UTC(2026, 11, 6, 12, 0);
const FIFO: IngestOptions = { grouping: { costBasis: 'fifo', now: NOW } };

const sample = (name: string) => readFileSync(new URL(`../imports/fixtures/ok/${name}`, import.meta.url));

/** A trade as the spec states it: money and quantities as decimal strings, times as ISO with the export's offset. */
interface Expected {
  symbol: string;
  strategy: string;
  side: 'long' | 'short';
  quantity: string;
  openedAt: string;
  /** null while the file leaves it open. */
  closedAt: string | null;
  gross: string;
  fees: string;
  net: string;
  risk: string | null;
}

const stated = (e: Expected) => ({
  symbol: e.symbol,
  strategy: e.strategy,
  side: e.side,
  quantityMicros: parseMicros(e.quantity),
  status: e.closedAt === null ? 'open' : 'closed',
  openedAt: Date.parse(e.openedAt),
  closedAt: e.closedAt === null ? null : Date.parse(e.closedAt),
  grossMicros: parseMicros(e.gross),
  feesMicros: parseMicros(e.fees),
  netMicros: parseMicros(e.net),
  riskMicros: e.risk === null ? null : parseMicros(e.risk),
});

const stored = (t: Trade) => ({
  symbol: t.symbol,
  strategy: t.strategy,
  side: t.side,
  quantityMicros: t.quantityMicros,
  status: t.status,
  openedAt: t.openedAt,
  closedAt: t.closedAt,
  grossMicros: t.grossMicros,
  feesMicros: t.feesMicros,
  netMicros: t.netMicros,
  riskMicros: t.riskMicros,
});

/** Trades opened at the same instant come back in id order: compare them in a fixed order. */
const byOpenThenSymbol = <T extends { openedAt: number; symbol: string; side: string; quantityMicros: number }>(a: T, b: T) =>
  a.openedAt - b.openedAt || a.symbol.localeCompare(b.symbol) || a.side.localeCompare(b.side) || a.quantityMicros - b.quantityMicros;

/** A stock or futures round trip: one instrument, no defined risk, no fees unless given. */
const roundTrip = (symbol: string, strategy: 'stock' | 'future', side: 'long' | 'short', quantity: string, openedAt: string, closedAt: string, gross: string, fees = '0', net = gross): Expected => ({
  symbol,
  strategy,
  side,
  quantity,
  openedAt,
  closedAt,
  gross,
  fees,
  net,
  risk: null,
});

describeOnBothDialects('broker samples to trades', (fixture) => {
  let userId: string;
  let logId: string;
  let trades: TradesRepository;

  beforeEach(async () => {
    userId = randomUUID();
    logId = (await new TradeLogsRepository(fixture.db()).create(userId, { name: 'Samples', currency: 'USD', startingCapitalMicros: 0 })).id;
    trades = new TradesRepository(fixture.db());
  });

  /** Imports the sample into the fresh log twice; returns both outcomes and the log's trades. */
  async function importTwice(name: string): Promise<{ first: IngestOutcome | undefined; again: IngestOutcome | undefined; all: Trade[] }> {
    const result = importFile(sample(name));
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    const { fills, skipped } = fillsFromImport(result, name);
    expect(skipped).toEqual([]);
    const ingest = new LogIngest(fixture.db());
    const first = await ingest.commit(userId, logId, fills, FIFO);
    const again = await ingest.commit(userId, logId, fills, FIFO);
    const page = await trades.listByLog(userId, logId, {}, { limit: 100, order: 'asc' });
    expect(page.nextCursor).toBeNull();
    return { first, again, all: page.trades };
  }

  /** The first import adds every execution and opens every trade; the second finds every row known and changes nothing. */
  function expectTotals(first: IngestOutcome | undefined, again: IngestOutcome | undefined, executions: number, tradeCount: number): void {
    expect(first).toMatchObject({ trades: tradeCount });
    expect(first?.created).toHaveLength(tradeCount);
    expectEveryRowOnce(first, again, executions);
  }

  function expectEveryRowOnce(first: IngestOutcome | undefined, again: IngestOutcome | undefined, executions: number): void {
    expect(first).toMatchObject({ executions, duplicates: 0, rewritten: [], removed: [], unmatched: [] });
    expect(again).toEqual({ executions: 0, duplicates: executions, trades: 0, created: [], rewritten: [], removed: [], unmatched: [] });
  }

  /** Gross, fees and net summed over a symbol's trades, and whether all of them are closed: the same however the fills are grouped. */
  function totalsOf(all: readonly Trade[], symbol: string) {
    const mine = all.filter((t) => t.symbol === symbol);
    return {
      grossMicros: mine.reduce((sum, t) => sum + t.grossMicros, 0),
      feesMicros: mine.reduce((sum, t) => sum + t.feesMicros, 0),
      netMicros: mine.reduce((sum, t) => sum + t.netMicros, 0),
      allClosed: mine.length > 0 && mine.every((t) => t.status === 'closed'),
    };
  }

  function expectTrades(all: readonly Trade[], expected: readonly Expected[]): void {
    expect(all.map(stored).sort(byOpenThenSymbol)).toEqual(expected.map(stated).sort(byOpenThenSymbol));
  }

  it('thinkorswim paperMoney statement (real, NVDA stock, Pos Effect AUTO): 36 round trips whose P&L adds up to the file’s P/L Day of $99.00', async () => {
    const { first, again, all } = await importTwice('thinkorswim_account_statement_paper_2022-06-21.csv');
    // Account Trade History, lines 333–415: 83 fills, newest first. Lines 379 and 380 are two
    // identical fills of the same second and both count. No fees anywhere (Cash Balance is empty).
    // Every row is AUTO, so each fill first reduces the open position and flips past it.
    const t = (time: string) => `2022-06-21T${time}-04:00`;
    const nvda = (side: 'long' | 'short', quantity: string, opened: string, closed: string, gross: string) => roundTrip('NVDA', 'stock', side, quantity, t(opened), t(closed), gross);
    const expected = [
      // 415, 414, 413 sell 100 @ 166.80, 167.32, 167.18; 412 buy 300 @ 166.79: 50 130 − 50 037 = 93
      nvda('short', '300', '09:34:56', '09:40:58', '93'),
      // 411, 410 sell 100 @ 166.92, 167.20; 409, 408 buy 100 @ 166.57, 165.84: 33 412 − 33 241 = 171
      nvda('short', '200', '09:42:35', '09:45:17', '171'),
      // 407–403 sell 100 @ 166.12, 166.92, 166.99, 167.83, 168.12 = 83 598; 402 buy 500 @ 169.56 = 84 780: −1 182
      nvda('short', '500', '09:49:27', '10:06:32', '-1182'),
      // 401 sell 500 @ 169.16; 400 buy @ 168.50: 0.66 × 500 = 330
      nvda('short', '500', '10:08:41', '10:16:57', '330'),
      // 399 buy 500 @ 168.56; 398 sells 1000 @ 168.45, 500 of them close: −0.11 × 500 = −55
      nvda('long', '500', '10:28:48', '10:31:51', '-55'),
      // the other 500 of 398 open short @ 168.45; 397 buy @ 169.29: −0.84 × 500 = −420
      nvda('short', '500', '10:31:51', '10:42:55', '-420'),
      // 396 sell @ 169.12; 395 buy @ 169.46: −0.34 × 500 = −170
      nvda('short', '500', '10:47:07', '10:50:18', '-170'),
      // 394 sell @ 169.24; 393 buys 1000 @ 169.23, 500 close: 0.01 × 500 = 5
      nvda('short', '500', '10:56:33', '11:09:10', '5'),
      // the other 500 of 393 open long @ 169.23; 392 sell @ 169.39: 0.16 × 500 = 80
      nvda('long', '500', '11:09:10', '11:09:56', '80'),
      // 391 buy @ 169.51; 390 sell @ 169.66: 0.15 × 500 = 75
      nvda('long', '500', '11:10:16', '11:10:49', '75'),
      // 389 sell @ 169.53; 388 buy @ 169.43: 0.10 × 500 = 50
      nvda('short', '500', '11:15:16', '11:23:24', '50'),
      // 387 sell @ 169.32; 386 buy @ 169.00: 0.32 × 500 = 160
      nvda('short', '500', '11:26:03', '11:40:54', '160'),
      // 385, 384, 383 buy 100 @ 168.38, 300 @ 168.48, 100 @ 168.21 = 16 838 + 50 544 + 16 821 = 84 203; 382 sell 500 @ 168.51 = 84 255: 52
      nvda('long', '500', '11:45:59', '11:50:27', '52'),
      // 381 buy @ 168.31; one of 380/379 sell @ 168.04: −0.27 × 500 = −135
      nvda('long', '500', '11:51:48', '11:53:07', '-135'),
      // the other of 380/379 opens short @ 168.04; 378 buy @ 168.02: 0.02 × 500 = 10
      nvda('short', '500', '11:53:07', '11:56:07', '10'),
      // 377 sell @ 168.09; 376 buys 1000 @ 167.75, 500 close: 0.34 × 500 = 170
      nvda('short', '500', '11:57:42', '11:59:27', '170'),
      // the other 500 of 376 open long @ 167.75; 375 sell @ 167.82: 0.07 × 500 = 35
      nvda('long', '500', '11:59:27', '12:01:11', '35'),
      // 374 sell @ 167.90; 373 buy @ 167.70: 0.20 × 500 = 100
      nvda('short', '500', '12:01:51', '12:04:02', '100'),
      // 372 buy @ 167.63; 371 sell @ 167.74: 0.11 × 500 = 55
      nvda('long', '500', '12:04:45', '12:04:55', '55'),
      // 370 buy @ 167.65; 369 sell @ 167.25: −0.40 × 500 = −200
      nvda('long', '500', '12:06:01', '12:08:49', '-200'),
      // 368 sell @ 167.17; 367 buy @ 167.89: −0.72 × 500 = −360
      nvda('short', '500', '12:08:59', '12:15:52', '-360'),
      // 366 sell @ 167.93; 365 buy @ 168.38: −0.45 × 500 = −225
      nvda('short', '500', '12:16:56', '12:40:18', '-225'),
      // 364 sell @ 168.44; 363 buys 1000 @ 168.32, 500 close: 0.12 × 500 = 60
      nvda('short', '500', '12:40:35', '12:45:55', '60'),
      // the other 500 of 363 open long @ 168.32 = 84 160; 362, 361, 360 sell 300 @ 168.74 + 100 @ 168.82 + 100 @ 168.82 = 50 622 + 16 882 + 16 882 = 84 386: 226
      nvda('long', '500', '12:45:55', '12:58:16', '226'),
      // 359 buy @ 168.46; 358 sell @ 168.51: 0.05 × 500 = 25
      nvda('long', '500', '13:06:32', '13:07:44', '25'),
      // 357 sell 500 @ 169.03 = 84 515; 356, 355 buy 300 @ 168.87 + 200 @ 168.54 = 50 661 + 33 708 = 84 369: 146
      nvda('short', '500', '13:15:57', '13:21:15', '146'),
      // 354, 353, 352 sell 200 @ 168.25 + 200 @ 168.33 + 100 @ 168.27 = 33 650 + 33 666 + 16 827 = 84 143; 351 buy 500 @ 167.95 = 83 975: 168
      nvda('short', '500', '13:40:20', '13:55:30', '168'),
      // 350 sell @ 167.38; 349 buy @ 167.18: 0.20 × 500 = 100
      nvda('short', '500', '14:06:43', '14:07:02', '100'),
      // 348 buy @ 167.30; 347 sell @ 167.36: 0.06 × 500 = 30
      nvda('long', '500', '14:07:10', '14:07:34', '30'),
      // 346 sell @ 167.39; 345 buy @ 167.33: 0.06 × 500 = 30
      nvda('short', '500', '14:07:48', '14:07:59', '30'),
      // 344 buy @ 167.19; 343 sell @ 167.31: 0.12 × 500 = 60
      nvda('long', '500', '14:09:47', '14:10:34', '60'),
      // 342 buy @ 167.00; 341 sell @ 167.01: 0.01 × 500 = 5
      nvda('long', '500', '14:14:24', '14:15:28', '5'),
      // 340 sell @ 166.96; 339 buy @ 166.60: 0.36 × 500 = 180
      nvda('short', '500', '14:28:27', '14:40:07', '180'),
      // 338 sell @ 167.10; 337 buy @ 166.97: 0.13 × 500 = 65
      nvda('short', '500', '14:40:42', '14:47:54', '65'),
      // 336 sell @ 167.05; 335 buy @ 166.81: 0.24 × 500 = 120
      nvda('short', '500', '14:48:09', '14:50:03', '120'),
      // 334 sell @ 166.88; 333 buy @ 166.39: 0.49 × 500 = 245
      nvda('short', '500', '15:05:23', '15:23:42', '245'),
    ];
    expectTotals(first, again, 83, 36);
    expectTrades(all, expected);
    // Line 419, Profits and Losses: NVDA P/L Day $99.00 — the 36 trades' P&L adds up to it.
    expect(all.reduce((sum, trade) => sum + trade.netMicros, 0)).toBe(parseMicros('99'));
  });

  it('thinkorswim statement with spreads (constructed): a put vertical opened and closed, a call fly and an iron condor left open, fees from the Cash Balance', async () => {
    const { first, again, all } = await importTwice('thinkorswim_spreads_constructed.csv');
    const t = (time: string) => `2026-03-24T${time}-04:00`;
    expectTotals(first, again, 11, 3);
    expectTrades(all, [
      // Lines 31–32 (Cash Balance line 8): sell 10 6535P @ 2.65, buy 10 6515P @ 1.60 = credit 1.05 × 10 × 100 = $1 050.
      // Lines 22–23 (line 11): buy 6535P @ .15, sell 6515P @ .10 = debit .05 × 1 000 = $50. Gross 1 050 − 50 = 1 000.
      // Fees: lines 8 and 11, 0.84 + 13.00 + 0.42 + 13.00 = 27.26; net 972.74. Risk (20 − 1.05) × 1 000 = 18 950.
      { symbol: 'SPX', strategy: 'vertical', side: 'short', quantity: '10', openedAt: t('09:41:07'), closedAt: t('14:20:49'), gross: '1000', fees: '27.26', net: '972.74', risk: '18950' },
      // Lines 28–30 (line 9): buy 6580C @ 9.20, sell 2 6590C @ 5.10, buy 6600C @ 1.60 = debit 9.20 − 10.20 + 1.60 = .60 → $60 risk.
      // Nothing closes it: gross 0; fees 0.06 + 2.60 = 2.66; net −2.66.
      { symbol: 'SPX', strategy: 'butterfly', side: 'long', quantity: '1', openedAt: t('10:02:33'), closedAt: null, gross: '0', fees: '2.66', net: '-2.66', risk: '60' },
      // Lines 24–27 (line 10): sell 2 6650C @ 3.40, buy 2 6660C @ 2.60, sell 2 6450P @ 2.90, buy 2 6440P @ 1.60
      // = credit .80 + 1.30 = 2.10 × 200 = $420; risk (10 − 2.10) × 200 = 1 580. Open: gross 0; fees 0.17 + 5.20 = 5.37.
      { symbol: 'SPX', strategy: 'iron condor', side: 'short', quantity: '2', openedAt: t('11:15:00'), closedAt: null, gross: '0', fees: '5.37', net: '-5.37', risk: '1580' },
    ]);
  });

  it('thinkorswim paperMoney trade history (constructed): a call vertical opened and closed, a put fly and an iron condor left open, no fees', async () => {
    const { first, again, all } = await importTwice('thinkorswim_papermoney_trade_history_constructed.csv');
    const t = (time: string) => `2025-12-19T${time}-05:00`;
    expectTotals(first, again, 11, 3);
    expectTrades(all, [
      // Lines 14–15: sell 5 6000C @ 2.10, buy 5 6010C @ .65 = credit 1.45 × 500 = $725; lines 5–6: buy 6000C @ .40,
      // sell 6010C @ .15 = debit .25 × 500 = $125. Gross 600, no fees. Risk (10 − 1.45) × 500 = 4 275.
      { symbol: 'SPX', strategy: 'vertical', side: 'short', quantity: '5', openedAt: t('09:45:30'), closedAt: t('15:41:12'), gross: '600', fees: '0', net: '600', risk: '4275' },
      // Lines 11–13: buy 5940P @ 3.10, sell 2 5950P @ 4.60, buy 5960P @ 6.40 = debit 3.10 + 6.40 − 9.20 = .30 → $30 risk.
      { symbol: 'SPX', strategy: 'butterfly', side: 'long', quantity: '1', openedAt: t('10:15:00'), closedAt: null, gross: '0', fees: '0', net: '0', risk: '30' },
      // Lines 7–10: sell 2 6040C @ 3.00, buy 2 6050C @ 1.20, sell 2 5900P @ 2.50, buy 2 5890P @ 1.10
      // = credit 1.80 + 1.40 = 3.20 × 200 = $640; risk (10 − 3.20) × 200 = 1 360.
      { symbol: 'SPX', strategy: 'iron condor', side: 'short', quantity: '2', openedAt: t('11:02:45'), closedAt: null, gross: '0', fees: '0', net: '0', risk: '1360' },
    ]);
  });

  it('tastytrade /MES LT112 (real): the 5100/5050 put debit spread expires worthless, the two short 4650 puts are bought back', async () => {
    const { first, again, all } = await importTwice('tastytrade_mes_lt112.csv');
    expectTotals(first, again, 6, 2);
    expectTrades(all, [
      // Lines 6–7, Order # 323965426: sell 1 5050P @ 54.0 (Value 270.00), buy 1 5100P @ 61.5 (−307.50); /MES options × 5:
      // debit 7.50 × 5 = $37.50, which is the risk. Lines 2–3: both expire at 0. Gross −37.50.
      // Fees: 1.50 + 0.46 + 1.50 + 0.46 = 3.92; net −41.42.
      { symbol: '/MES', strategy: 'vertical', side: 'long', quantity: '1', openedAt: '2024-05-23T17:01:37+02:00', closedAt: '2024-09-20T23:00:00+02:00', gross: '-37.5', fees: '3.92', net: '-41.42', risk: '37.5' },
      // Line 5, Order # 323968393: sell 2 4650P @ 22.0 (Value 220.00); line 4: buy 2 @ 1.1 (−11.00). Gross 220 − 11 = 209.
      // Fees: 3.00 + 1.04 + 0 + 1.04 = 5.08; net 203.92. A naked short put: no defined risk.
      { symbol: '/MES', strategy: 'single', side: 'short', quantity: '2', openedAt: '2024-05-23T17:05:16+02:00', closedAt: '2024-09-10T15:32:26+02:00', gross: '209', fees: '5.08', net: '203.92', risk: null },
    ]);
  });

  it('tastytrade /CL future (real): one long round trip, the Value column’s −$160 is its P&L', async () => {
    const { first, again, all } = await importTwice('tastytrade_cl_future.csv');
    expectTotals(first, again, 2, 1);
    // Line 3: buy 1 /CLJ4 @ 79.69; line 2: sell 1 @ 79.53. (79.53 − 79.69) × 1 000 = −160 (line 2's Value).
    // Fees: (1.25 + 1.82) × 2 = 6.14; net −166.14.
    expectTrades(all, [roundTrip('/CL', 'future', 'long', '1', '2023-03-04T14:12:32+01:00', '2023-03-04T14:16:27+01:00', '-160', '6.14', '-166.14')]);
  });

  it('TradeNote template (real): three RBLX shorts and two SQ trades with their SEC and TAF fees', async () => {
    const { first, again, all } = await importTwice('tradenote_template_executions.csv');
    const t = (time: string) => `2022-08-08T${time}-04:00`;
    expectTotals(first, again, 15, 5);
    expectTrades(all, [
      // Line 2: SS 50 @ 49.88 (Gross Proceeds 2 494, SEC .06 + TAF .01); lines 3–4: BC 25 @ 49.65 + 25 @ 49.89
      // = 1 241.25 + 1 247.25. Gross 2 494 − 2 488.50 = 5.50; fees .07; net 5.43.
      roundTrip('RBLX', 'stock', 'short', '50', t('09:47:59'), t('09:48:45'), '5.5', '0.07', '5.43'),
      // Line 5: SS 100 @ 50.50 (.12 + .02); line 6: BC 100 @ 50.72. Gross 5 050 − 5 072 = −22; fees .14; net −22.14.
      roundTrip('RBLX', 'stock', 'short', '100', t('10:01:17'), t('10:02:14'), '-22', '0.14', '-22.14'),
      // Line 7: SS 100 @ 50.74 (.12 + .02); lines 8–9: BC 50 @ 50.53 + 50 @ 50.74 = 2 526.50 + 2 537. Gross 5 074 − 5 063.50 = 10.50; net 10.36.
      roundTrip('RBLX', 'stock', 'short', '100', t('10:03:01'), t('10:05:41'), '10.5', '0.14', '10.36'),
      // Line 15: B 50 SQ @ 82.07 = 4 103.50; line 16: S 50 @ 81.82 = 4 091 (.10 + .01). Gross −12.50; fees .11; net −12.61.
      roundTrip('SQ', 'stock', 'long', '50', t('10:09:21'), t('10:09:51'), '-12.5', '0.11', '-12.61'),
      // Line 10: SS 100 @ 90.93 = 9 093 (.21 + .02); lines 11–14: BC 50 @ 90.67 + 25 @ 90.31 + 13 @ 90 + 12 @ 89.90
      // = 4 533.50 + 2 257.75 + 1 170 + 1 078.80 = 9 040.05. Gross 52.95; fees .23; net 52.72.
      roundTrip('SQ', 'stock', 'short', '100', t('10:25:15'), t('10:27:25'), '52.95', '0.23', '52.72'),
    ]);
  });

  /** The four IBKR executions (XML lines 8–11, CSV lines 9–12): a GOLD position partly sold, two same-order AAPL fills. */
  const IBKR_TRADES: Expected[] = [
    // Buy 691 GOLD @ 43.10, commission 3.455; sell 100 @ 44.19, commission 1.1108314, stored rounded to the
    // micro-dollar, 1.110831. Realised: (44.19 − 43.10) × 100 = 109; 591 shares stay open.
    // Fees 3.455 + 1.110831 = 4.565831; net 109 − 4.565831 = 104.434169. Stock has no defined risk.
    { symbol: 'GOLD', strategy: 'stock', side: 'long', quantity: '691', openedAt: '2026-01-26T11:57:15-05:00', closedAt: null, gross: '109', fees: '4.565831', net: '104.434169', risk: null },
    // One order (ORD00003), 103 + 137 AAPL @ 300: one position of 240, nothing realised; fees 1.000309 + 0.200411 = 1.20072.
    { symbol: 'AAPL', strategy: 'stock', side: 'long', quantity: '240', openedAt: '2026-05-18T09:30:04-04:00', closedAt: null, gross: '0', fees: '1.20072', net: '-1.20072', risk: null },
  ];

  it('IBKR Activity Flex XML (real): a GOLD position partly sold and two same-order AAPL fills, both still open', async () => {
    const { first, again, all } = await importTwice('ibkr_flex_activity_trades_tradetally.xml');
    expectTotals(first, again, 4, 2);
    expectTrades(all, IBKR_TRADES);
  });

  it('IBKR Activity Flex CSV (constructed from the same trades): the same two positions', async () => {
    const { first, again, all } = await importTwice('ibkr_flex_trades_constructed.csv');
    expectTotals(first, again, 4, 2);
    expectTrades(all, IBKR_TRADES);
  });

  it('Tradovate paired trades (fixture-grade): the /MNQ pairs with distinct buy and sell times are round trips whose P&L is the P/L column', async () => {
    const { first, again, all } = await importTwice('tradovate_paired_trades_tradetally.csv');
    const t = (time: string) => `2026-04-09T${time}-04:00`;
    // Five pairs, a buy and a sell fill each: ten executions, five trades.
    expectTotals(first, again, 10, 5);
    // /MNQ is $2 a point. No fees in the export.
    expectTrades(all, [
      // Line 2: bought and sold 5 in the same second, 17:14:44; Buy Fill ID 465747740203 < Sell Fill ID 465747740221,
      // so the buy came first: long, 25 073.25 → 25 072: −1.25 × 5 × 2 = −12.50 (P/L −12.50).
      roundTrip('/MNQ', 'future', 'long', '5', t('17:14:44'), t('17:14:44'), '-12.5'),
      // Line 6: sold 5 @ 25 073.75 at 15:30:37, bought @ 25 082.75 at 15:30:48: −9 × 5 × 2 = −90 (P/L −90.00)
      roundTrip('/MNQ', 'future', 'short', '5', t('15:30:37'), t('15:30:48'), '-90'),
      // Line 5: sold 2 @ 25 051 at 15:36:31, bought @ 25 064 at 15:37:06: −13 × 2 × 2 = −52
      roundTrip('/MNQ', 'future', 'short', '2', t('15:36:31'), t('15:37:06'), '-52'),
      // Line 4: bought 2 @ 25 053.75 at 15:37:35, sold @ 25 044 at 15:38:00: −9.75 × 2 × 2 = −39
      roundTrip('/MNQ', 'future', 'long', '2', t('15:37:35'), t('15:38:00'), '-39'),
      // Line 3: bought 1 @ 25 060.75 at 15:38:40, sold @ 25 048.50 at 15:40:03: −12.25 × 2 = −24.50
      roundTrip('/MNQ', 'future', 'long', '1', t('15:38:40'), t('15:40:03'), '-24.5'),
    ]);
  });

  it('Tradovate orders (constructed): a long /MNQ and a short /MES, the canceled and rejected orders left out', async () => {
    const { first, again, all } = await importTwice('tradovate_orders_constructed.csv');
    const t = (time: string) => `2026-01-06T${time}-05:00`;
    expectTotals(first, again, 4, 2);
    expectTrades(all, [
      // Line 2: buy 2 MNQH6 @ 21 503.25; line 4: sell 2 @ 21 521.50: 18.25 × 2 × $2 = 73
      roundTrip('/MNQ', 'future', 'long', '2', t('09:31:04'), t('09:44:17'), '73'),
      // Line 5: sell 1 MESH6 @ 6 042.75; line 7: buy 1 @ 6 036: 6.75 × $5 = 33.75
      roundTrip('/MES', 'future', 'short', '1', t('10:02:40'), t('10:15:09'), '33.75'),
    ]);
  });

  it('TradeStation orders (constructed): an SPXW call credit vertical opened and closed, an /ES round trip, a TSLA short covered by a part-filled order', async () => {
    const { first, again, all } = await importTwice('tradestation_orders_constructed.csv');
    const t = (time: string) => `2025-12-19T${time}-05:00`;
    // Lines 2–7 and 9–10 filled (line 6 in part); line 8 filled nothing.
    expectTotals(first, again, 8, 3);
    expectTrades(all, [
      // Lines 9–10, order 1-2345-678820: sell 2 6000C @ 2.10, buy 2 6010C @ .65 = credit 1.45 × 200 = $290.
      // Lines 2–3, order 1-2345-678901: buy 6000C @ .40, sell 6010C @ .15 = debit .25 × 200 = $50. Gross 240.
      // Fees 4 × $1.20 = 4.80; net 235.20. Risk (10 − 1.45) × 200 = 1 710.
      { symbol: 'SPX', strategy: 'vertical', side: 'short', quantity: '2', openedAt: t('09:45:30'), closedAt: t('15:41:12'), gross: '240', fees: '4.8', net: '235.2', risk: '1710' },
      // Line 7: sell short 40 @ 459.90; line 6: 40 of 100 bought to cover @ 451.25 before the cancel. 8.65 × 40 = 346.
      roundTrip('TSLA', 'stock', 'short', '40', t('10:05:02'), t('10:31:17'), '346'),
      // Line 5: buy 1 ESH26 @ 6 075.50; line 4: sell @ 6 081.25. 5.75 × $50 = 287.50; fees 1.50 × 2 = 3; net 284.50.
      roundTrip('/ES', 'future', 'long', '1', t('11:02:09'), t('11:20:45'), '287.5', '3', '284.5'),
    ]);
  });

  it('Webull orders records (constructed): an SPXW call credit vertical opened and closed, a long SPY put left open', async () => {
    const { first, again, all } = await importTwice('webull_orders_records_options_constructed.csv');
    const t = (time: string) => `2025-12-19T${time}-05:00`;
    // Filled legs: lines 3–4, 8, 10–11 (the spread summaries on lines 2 and 9 are not executions; 5–7 were cancelled).
    expectTotals(first, again, 5, 2);
    expectTrades(all, [
      // Lines 10–11: sell 2 6000C @ 2.10, buy 2 6010C @ .65 = credit 1.45 × 200 = $290; lines 3–4: buy 6000C @ .40,
      // sell 6010C @ .15 = debit .25 × 200 = $50. Gross 240, no fees. Risk (10 − 1.45) × 200 = 1 710.
      { symbol: 'SPX', strategy: 'vertical', side: 'short', quantity: '2', openedAt: t('09:45:30'), closedAt: t('15:41:12'), gross: '240', fees: '0', net: '240', risk: '1710' },
      // Line 8: buy 3 670P @ .65 (Avg Price) = $195, the risk. No row closes it (SPY is not cash-settled): open, nothing realised.
      { symbol: 'SPY', strategy: 'single', side: 'long', quantity: '3', openedAt: t('10:02:12'), closedAt: null, gross: '0', fees: '0', net: '0', risk: '195' },
    ]);
  });

  it('Schwab transactions (constructed): the NVDA round trip; every row imported once', async () => {
    const { first, again, all } = await importTwice('schwab_transactions_constructed.csv');
    // No time of day in the export: each row is at midnight New York of its (as-of) date.
    const t = (date: string) => `${date}T00:00:00-05:00`;
    // Lines 3–12 are trades (10 executions); 13–15 are cash rows. The file lists newest first and has no time of
    // day, so the SPXW iron condor's opening (lines 7–10), closing (5–6) and expiring (3–4, as of 12/19) rows all
    // sit at one midnight: read bottom-up, they open, close and expire in that order.
    expectEveryRowOnce(first, again, 10);
    expectTrades(all, [
      // Line 12: buy 50 @ 178.10 = 8 905; line 11: sell 50 @ 182.40 = 9 120, fee .03. Gross 215; net 214.97 (Amounts −8 905 + 9 119.97).
      roundTrip('NVDA', 'stock', 'long', '50', t('2025-12-17'), t('2025-12-18'), '215', '0.03', '214.97'),
      // Lines 7–10: sell 2 6060C @ 1.85, buy 2 6070C @ .90, sell 2 5960P @ 1.60, buy 2 5950P @ .95 = credit 1.60 × 200 = $320.
      // Lines 5–6: buy back 6060C @ .35, sell 6070C @ .10 = debit .25 × 200 = $50; lines 3–4: the puts expire at 0.
      // Gross 320 − 50 = 270; fees 6 × 1.32 = 7.92; net 262.08 (the six Amounts: 368.68 − 181.32 + 318.68 − 191.32 − 71.32 + 18.68).
      // Risk: 10 wide − 1.60 credit = 8.40 × 200 = 1 680.
      { symbol: 'SPX', strategy: 'iron condor', side: 'short', quantity: '2', openedAt: t('2025-12-19'), closedAt: t('2025-12-19'), gross: '270', fees: '7.92', net: '262.08', risk: '1680' },
    ]);
  });

  it('E*TRADE transactions (constructed): the TSLA short, and the SPY options’ P&L whatever their grouping', async () => {
    const { first, again, all } = await importTwice('etrade_transactions_constructed.csv');
    const t = (date: string) => `${date}T00:00:00-05:00`;
    // Lines 5–10 are trades; 11–12 are cash rows.
    expectEveryRowOnce(first, again, 6);
    expectTrades(
      all.filter((trade) => trade.symbol === 'TSLA'),
      [
        // Line 10: sold short 10 @ 459.90 = 4 599; line 9: bought to cover @ 451.25 = 4 512.50. Gross 86.50, no commission.
        roundTrip('TSLA', 'stock', 'short', '10', t('2025-12-15'), t('2025-12-16'), '86.5'),
      ],
    );
    // Line 7: bought 2 680C @ 1.80 = $360 (1.30); line 6: sold @ 2.41 = $482 (1.30): gross 122, net 119.40.
    // Line 8: bought 3 670P @ .65 = $195 (1.95); line 5: expired at 0: gross −195, net −196.95.
    // Together: gross 122 − 195 = −73; fees 2.60 + 1.95 = 4.55; net −77.55 (Amounts 480.70 − 361.30 − 196.95).
    expect(totalsOf(all, 'SPY')).toEqual({ grossMicros: parseMicros('-73'), feesMicros: parseMicros('4.55'), netMicros: parseMicros('-77.55'), allClosed: true });
  });

  it('Fidelity account history (constructed): the NVDA round trip, and the SPXW options’ P&L whatever their grouping', async () => {
    const { first, again, all } = await importTwice('fidelity_accounts_history_constructed.csv');
    const t = (date: string) => `${date}T00:00:00-05:00`;
    // Lines 4–11 are trades; line 12 is a dividend.
    expectEveryRowOnce(first, again, 8);
    expectTrades(
      all.filter((trade) => trade.symbol === 'NVDA'),
      [
        // Line 11: buy 20 @ 180.15 = 3 603; line 10: sell 20 @ 183.40 = 3 668, fee .02. Gross 65; net 64.98.
        roundTrip('NVDA', 'stock', 'long', '20', t('2025-12-16'), t('2025-12-17'), '65', '0.02', '64.98'),
      ],
    );
    // Line 7: buy 2 6050C @ 3.10 = $620 (1.30 + .08); line 6: sell 2 @ 4.25 = $850 (1.30 + .09): gross 230, fees 2.77.
    // Lines 8–9: sell 5900P @ 1.20, buy 5890P @ .80 = credit $40 (.65 + .04 each); lines 4–5 expire at 0: gross 40, fees 1.38.
    // Together: gross 270; fees 4.15; net 265.85 (Amounts 848.61 − 621.38 + 119.31 − 80.69).
    expect(totalsOf(all, 'SPX')).toEqual({ grossMicros: parseMicros('270'), feesMicros: parseMicros('4.15'), netMicros: parseMicros('265.85'), allClosed: true });
  });
});
