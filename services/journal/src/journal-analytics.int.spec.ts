import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeTime, summarize, TRADE_SHAPES, TRADE_SHAPES_CONVENTIONS, TRADE_SHAPES_LIST, TRADE_SHAPES_SUMMARY, type ClosedTrade } from '@marketswarm/shared/journal';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { parseMicros, unitsToMicros } from './database/money.js';
import { TagsRepository } from './tags/tags.repository.js';
import { TradeLogsRepository } from './trade-logs/trade-logs.repository.js';
import { TradesRepository, type NewTrade } from './trades/trades.repository.js';
import { startJournalApp, type JournalApp } from './testing/journal-app.js';

/**
 * `GET /api/analytics` in the real Nest app on a migrated SQLite file: the contract fixture's trade
 * shapes stored through the repositories, read back through the route, and checked against the
 * fixture's hand-worked summary (money as decimal dollars) and against `summarize()` of the same
 * trades; filtered by log, tag, strategy, symbol and close time; the break-even tolerance taken
 * from the user's settings; another user's log a 404 and their trades never counted.
 */

type Json = Record<string, unknown>;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The second log's one trade: the scale-out's shape an hour later (so the close order, and with it
 * the K-ratio, does not hang on random ids), net +100 = gross 101 − fees 1.
 */
const EXTRA: ClosedTrade = {
  ...TRADE_SHAPES.partialScaleOut,
  id: 'extra',
  openedAt: TRADE_SHAPES.partialScaleOut.openedAt + HOUR_MS,
  closedAt: TRADE_SHAPES.partialScaleOut.closedAt + HOUR_MS,
  grossMinor: 101_000_000,
  feesMinor: 1_000_000,
  netMinor: 100_000_000,
};

/** The expiry that gives the fixture's DTE: the entry date in New York plus `dte` days. */
function expiryOf(t: ClosedTrade): string {
  const entry = Date.parse(`${exchangeTime(t.openedAt, 'America/New_York').date}T00:00:00Z`);
  return new Date(entry + (t.dte ?? 0) * DAY_MS).toISOString().slice(0, 10);
}

/** A fixture shape as the journal stores it: one option leg whose expiry carries the DTE. */
function storedShape(t: ClosedTrade): NewTrade {
  return {
    symbol: t.symbol,
    strategy: t.strategy,
    side: t.side,
    quantityMicros: unitsToMicros(t.quantity),
    openedAt: t.openedAt,
    closedAt: t.closedAt,
    status: 'closed',
    grossMicros: t.grossMinor,
    feesMicros: t.feesMinor,
    netMicros: t.netMinor,
    riskMicros: t.riskMinor,
    notes: '',
    marketAtEntry: null,
    legs: [
      {
        instrumentKind: 'option',
        symbol: t.symbol,
        expiry: expiryOf(t),
        strikeMicros: parseMicros('6000'),
        optionRight: 'C',
        side: t.side === 'long' ? 'buy' : 'sell',
        quantityMicros: unitsToMicros(t.quantity),
        openPriceMicros: 0,
        closePriceMicros: 0,
        multiplierMicros: parseMicros('100'),
        fills: [],
      },
    ],
  };
}

describe('GET /api/analytics', () => {
  let journal: JournalApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let shapesLog: string;
  const tagIds = new Map<string, string>();

  beforeAll(async () => {
    journal = await startJournalApp();
    const { database } = journal;
    alice = await journal.account('alice@example.com');
    bob = await journal.account('bob@example.com');

    const logs = new TradeLogsRepository(database.db);
    const trades = new TradesRepository(database.db);
    const tags = new TagsRepository(database.db);
    // The fixture's conventions: a $10,000 start.
    shapesLog = (await logs.create(alice.userId, { name: 'Shapes', currency: 'USD', startingCapitalMicros: parseMicros('10000') })).id;
    const stored = (await trades.insertMany(alice.userId, shapesLog, TRADE_SHAPES_LIST.map(storedShape))) ?? [];
    for (const name of new Set(TRADE_SHAPES_LIST.flatMap((t) => t.tags))) {
      const tag = await tags.create(alice.userId, name);
      if (tag === 'duplicate') throw new Error('setup');
      tagIds.set(name, tag.id);
    }
    for (const [i, t] of TRADE_SHAPES_LIST.entries()) await trades.setTags(alice.userId, stored[i]!.id, t.tags.map((name) => tagIds.get(name)!));
    // Still open: never in the analytics.
    await trades.insertMany(alice.userId, shapesLog, [{ ...storedShape(TRADE_SHAPES.partialScaleOut), status: 'open', closedAt: null }]);
    // A second log with $5,000 and one +$100 net trade, for log=all.
    const second = (await logs.create(alice.userId, { name: 'Second', currency: 'USD', startingCapitalMicros: parseMicros('5000') })).id;
    await trades.insertMany(alice.userId, second, [storedShape(EXTRA)]);
  });

  afterAll(async () => {
    await journal?.stop();
  });

  const analytics = (who: SignedInAccount, query: string): Promise<{ status: number; body: Json }> => journal.call<Json>(who, 'GET', `/api/analytics?${query}`);
  const summaryOf = async (query: string): Promise<Json> => {
    const answer = await analytics(alice, query);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body['summary'] as Json;
  };

  it("answers the fixture's hand-worked summary for its log, money as decimal dollars", async () => {
    const answer = await analytics(alice, `log=${shapesLog}`);
    expect(answer.status).toBe(200);
    expect(answer.body['conventions']).toEqual({ log: shapesLog, breakevenTolerance: 0, timeZone: 'America/New_York', startingCapital: 10_000 });
    const summary = answer.body['summary'] as Json;
    // Money from TRADE_SHAPES_SUMMARY's micro-dollars: −185 + 400 + 350 + 300 − 100 + 0 + 360 − 550 = 575 gross,
    // fees 31.80, net 543.20; winners 1388.80 over 4, losers −845.60 over 4; 543.20 / 8 = 67.90; deepest fall 11098.50 → 10543.20.
    expect(summary).toMatchObject({ grossPnl: 575, fees: 31.8, netPnl: 543.2, grossWins: 1388.8, grossLosses: -845.6, avgWin: 347.2, avgLoss: -211.4, expectancy: 67.9, maxDrawdown: 555.3 });
    const money = new Set(['grossPnl', 'fees', 'netPnl', 'grossWins', 'grossLosses', 'avgWin', 'avgLoss', 'expectancy', 'maxDrawdown']);
    for (const [key, expected] of Object.entries(TRADE_SHAPES_SUMMARY)) {
      if (money.has(key)) continue;
      if (typeof expected === 'number' && !Number.isInteger(expected)) expect(summary[key], key).toBeCloseTo(expected, 9);
      else expect(summary[key], key).toBe(expected);
    }
  });

  it('breaks down by tag (once per tag), DTE from the nearest leg expiry, and draws the equity from the starting capital', async () => {
    const body = (await analytics(alice, `log=${shapesLog}`)).body;
    const breakdowns = body['breakdowns'] as Record<string, Json[]>;
    const count = (dimension: string): Json => Object.fromEntries(breakdowns[dimension]!.map((b) => [String(b['key']), b['trades']]));
    expect(count('tag')).toEqual({ '0dte': 2, condor: 1, fly: 2, reentry: 2, scalp: 3, vertical: 2 });
    // 0DTE: worthless fly, 1-2-1 fly, cash settlement, condor; 1: the two same-day entries; 2-7: the vertical (3) and the scale-out (2)
    expect(count('dte')).toEqual({ '0': 4, '1': 2, '2-7': 2 });
    // fly: −187.65 + 339.40 = 151.75
    expect(breakdowns['tag']!.find((b) => b['key'] === 'fly')?.['netPnl']).toBe(151.75);
    const equity = body['equity'] as Json[];
    expect(equity).toHaveLength(9);
    // 10,000 + 543.20
    expect(equity.at(-1)).toMatchObject({ index: 8, cumulative: 543.2, equity: 10_543.2, peak: 11_098.5, drawdown: 555.3 });
    expect((body['daily'] as Json[]).map((d) => d['net'])).toEqual([-187.65, 734.1, 296.025, -102.65, 0, 358.675, -555.3]);
  });

  it('equals summarize() of the same trades for log=all (the second log included, capitals summed)', async () => {
    const expected = summarize([...TRADE_SHAPES_LIST, EXTRA], { ...TRADE_SHAPES_CONVENTIONS, startingCapitalMinor: parseMicros('15000') });
    const summary = await summaryOf('log=all');
    // 543.20 + 100
    expect(summary).toMatchObject({ trades: 9, netPnl: 643.2, wins: expected.wins, losses: expected.losses, maxDrawdown: expected.maxDrawdown / 1e6 });
    expect(summary['maxDrawdownPct']).toBeCloseTo(expected.maxDrawdownPct!, 9);
    expect(summary['sharpe']).toBeCloseTo(expected.sharpe!, 9);
    expect(summary['kRatio']).toBeCloseTo(expected.kRatio!, 9);
    expect(await summaryOf('')).toEqual(summary);
  });

  it('filters by tag, strategy, symbol and close time', async () => {
    // fly: −187.65 + 339.40
    expect(await summaryOf(`log=${shapesLog}&tag=${tagIds.get('fly')!}`)).toMatchObject({ trades: 2, netPnl: 151.75 });
    // verticals: 394.70 + 358.675
    expect(await summaryOf(`log=${shapesLog}&strategy=vertical`)).toMatchObject({ trades: 2, netPnl: 753.375 });
    expect(await summaryOf(`log=${shapesLog}&symbol=XSP`)).toMatchObject({ trades: 1, netPnl: 296.025 });
    // Closed on Tue 1 Dec, New York (05:00Z to 05:00Z): the vertical and the 1-2-1 fly, 394.70 + 339.40
    expect(await summaryOf(`log=${shapesLog}&from=2026-12-01T05:00:00Z&to=2026-12-02T05:00:00Z`)).toMatchObject({ trades: 2, netPnl: 734.1 });
  });

  it("applies the user's break-even tolerance from settings", async () => {
    const put = await journal.call(alice, 'PUT', '/api/settings/breakevenTolerance', { value: 2 });
    expect(put.status).toBe(200);
    // The re-entry's −1.325 is within ±2: break-even, so 4 wins, 3 losses, 1 break-even.
    const expected = summarize(TRADE_SHAPES_LIST, { ...TRADE_SHAPES_CONVENTIONS, breakevenToleranceMinor: parseMicros('2') });
    const summary = await summaryOf(`log=${shapesLog}`);
    expect(summary).toMatchObject({ wins: 4, losses: 3, breakeven: 1, winRate: expected.winRate, winRateExBreakeven: expected.winRateExBreakeven });
    expect(((await analytics(alice, `log=${shapesLog}`)).body['conventions'] as Json)['breakevenTolerance']).toBe(2);
  });

  it("answers another user's log with 404 naming `log`, and never counts their trades", async () => {
    const answer = await analytics(bob, `log=${shapesLog}`);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: 'not-found', issues: [{ path: 'log' }] });
    const all = await analytics(bob, 'log=all');
    expect(all.status).toBe(200);
    expect(all.body['summary']).toMatchObject({ trades: 0, netPnl: 0 });
    expect(all.body['equity']).toHaveLength(1);
    expect((await analytics(bob, `tag=${tagIds.get('fly')!}`)).body['summary']).toMatchObject({ trades: 0 });
  });

  it('refuses a bad query naming the field', async () => {
    for (const [query, field] of [
      ['log=everything', 'log'],
      ['from=yesterday', 'from'],
      ['tag=fly', 'tag'],
      ['symbol=', 'symbol'],
      ['colour=red', '(root)'],
    ] as const) {
      const answer = await analytics(alice, query);
      expect(answer.status, query).toBe(400);
      expect(answer.body, query).toMatchObject({ code: 'validation', issues: [{ path: field }] });
    }
  });
});
