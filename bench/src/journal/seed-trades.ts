import type { ClosedTradeRow } from '@marketswarm/journal/dist/trades/trades.repository.js';
import type { InstrumentKind, JournalDb, OptionRight } from '@marketswarm/journal/dist/database/index.js';
import type { Kysely } from 'kysely';
import { benchId, pick, seededRandom } from './random.js';

/** Tags a trader might use; each trade carries 0–2 of them. */
export const SEED_TAGS = ['0DTE', 'scalp', 'swing', 'FOMC', 'earnings', 'trend', 'fade', 'news'] as const;

const UNDERLYINGS = [
  { symbol: 'SPX', kind: 'option', multiplier: 100, price: 5000, weight: 4 },
  { symbol: 'NDX', kind: 'option', multiplier: 100, price: 18000, weight: 1 },
  { symbol: 'SPY', kind: 'option', multiplier: 100, price: 500, weight: 2 },
  { symbol: 'QQQ', kind: 'option', multiplier: 100, price: 440, weight: 1 },
  { symbol: '/ES', kind: 'future', multiplier: 50, price: 5000, weight: 1 },
  { symbol: '/MES', kind: 'future', multiplier: 5, price: 5000, weight: 1 },
  { symbol: 'NVDA', kind: 'stock', multiplier: 1, price: 120, weight: 1 },
  { symbol: 'AAPL', kind: 'stock', multiplier: 1, price: 200, weight: 1 },
] as const;
const WEIGHTED = UNDERLYINGS.flatMap((u) => Array.from({ length: u.weight }, () => u));

/** Option structures and their legs: [strike offset in steps, right, side, ratio]. */
const STRUCTURES: Record<string, readonly [number, OptionRight, 'buy' | 'sell', number][]> = {
  single: [[0, 'C', 'buy', 1]],
  vertical: [
    [0, 'P', 'sell', 1],
    [-1, 'P', 'buy', 1],
  ],
  butterfly: [
    [-1, 'C', 'buy', 1],
    [0, 'C', 'sell', 2],
    [1, 'C', 'buy', 1],
  ],
  'iron condor': [
    [-2, 'P', 'buy', 1],
    [-1, 'P', 'sell', 1],
    [1, 'C', 'sell', 1],
    [2, 'C', 'buy', 1],
  ],
  straddle: [
    [0, 'C', 'buy', 1],
    [0, 'P', 'buy', 1],
  ],
};

export interface SeedLeg {
  instrumentKind: InstrumentKind;
  symbol: string;
  expiry: string | null;
  strikeMicros: number | null;
  optionRight: OptionRight | null;
  side: 'buy' | 'sell';
  quantityMicros: number;
  openPriceMicros: number;
  closePriceMicros: number;
  multiplierMicros: number;
}

export interface SeedTrade extends Omit<ClosedTradeRow, 'tags'> {
  tags: string[];
  legs: SeedLeg[];
}

const MICROS = 1_000_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * `count` closed trades of one trader over about four years, ~100 a trading day: index options in
 * singles, verticals, flies, condors and straddles (one leg per strike, a fly 1-2-1), futures and
 * stocks; fees of $0.65 per contract per side plus $0.0125 regulatory fees per contract sold, so
 * sums carry fractions of a cent; net = gross − fees; a defined risk on 80 % of them. Deterministic.
 */
export function generateTrades(count: number, seed = 12): SeedTrade[] {
  const random = seededRandom(seed);
  const trades: SeedTrade[] = [];
  const perDay = 100;
  let day = Date.UTC(2022, 0, 3) / DAY_MS;
  for (let i = 0; i < count; i++) {
    if (i % perDay === 0 && i > 0) {
      day += 1;
      while ([0, 6].includes(new Date(day * DAY_MS).getUTCDay())) day += 1;
    }
    const u = pick(random, WEIGHTED);
    // 14:30–21:00 UTC: the New York session in winter, 10:30–17:00 in summer.
    const openedAt = day * DAY_MS + 14.5 * 3_600_000 + Math.floor(random() * 390) * MINUTE_MS + Math.floor(random() * 60_000);
    const closedAt = openedAt + (random() < 0.9 ? Math.floor(random() * 240) * MINUTE_MS : Math.floor(random() * 5) * DAY_MS + Math.floor(random() * 600) * MINUTE_MS);
    const quantity = 1 + Math.floor(random() * 5);
    const strategy = u.kind === 'option' ? pick(random, Object.keys(STRUCTURES)) : 'single';
    const dte = u.kind === 'option' ? pick(random, [0, 0, 0, 1, 2, 7, 14, 30, 45]) : null;
    const expiry = dte === null ? null : new Date((day + dte) * DAY_MS).toISOString().slice(0, 10);
    const step = u.price >= 5000 ? 5 : 1;
    const atm = Math.round(u.price / step) * step;
    const shape = u.kind === 'option' ? (STRUCTURES[strategy] ?? []) : [[0, 'C', random() < 0.5 ? 'buy' : 'sell', 1] as const];
    const legs: SeedLeg[] = shape.map(([offset, right, side, ratio]) => ({
      instrumentKind: u.kind,
      symbol: u.symbol,
      expiry,
      strikeMicros: u.kind === 'option' ? (atm + offset * step * 2) * MICROS : null,
      optionRight: u.kind === 'option' ? right : null,
      side,
      quantityMicros: quantity * ratio * MICROS,
      openPriceMicros: (1 + Math.floor(random() * 2000)) * 5_000,
      closePriceMicros: Math.floor(random() * 2000) * 5_000,
      multiplierMicros: u.multiplier * MICROS,
    }));
    const contracts = legs.reduce((n, l) => n + l.quantityMicros / MICROS, 0);
    const sold = legs.filter((l) => l.side === 'sell').reduce((n, l) => n + l.quantityMicros / MICROS, 0) + contracts;
    // 0.65 per contract per side, both sides; 0.0125 per contract on every sell (the close of a long, the open of a short).
    const feesMicros = u.kind === 'stock' ? 1_000_000 : contracts * 2 * 650_000 + sold * 12_500;
    const grossMicros = (Math.floor(random() * 4001) - 1900) * 5 * MICROS + Math.floor(random() * 100) * 10_000;
    const tags: string[] = [];
    for (let k = Math.floor(random() * 3); k > 0; k--) {
      const tag = pick(random, SEED_TAGS);
      if (!tags.includes(tag)) tags.push(tag);
    }
    trades.push({
      id: benchId(1, i),
      symbol: u.symbol,
      strategy,
      side: legs[0]?.side === 'sell' ? 'short' : 'long',
      quantityMicros: quantity * MICROS,
      openedAt,
      closedAt,
      grossMicros,
      feesMicros,
      netMicros: grossMicros - feesMicros,
      riskMicros: random() < 0.8 ? (100 + Math.floor(random() * 5000)) * MICROS : null,
      nearestExpiry: expiry,
      tags: tags.sort(),
      legs,
    });
  }
  return trades;
}

/** Rows per INSERT: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK_PARAMETERS = 8_000;

async function insertChunked<T extends keyof JournalDb>(db: Kysely<JournalDb>, table: T, rows: readonly Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0] ?? {}).length || 1;
  const size = Math.max(1, Math.floor(CHUNK_PARAMETERS / columns));
  for (let i = 0; i < rows.length; i += size) {
    // The rows are built below from the table's own column names; Kysely's insert types cannot follow a generic table name.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

/**
 * Writes the trades, their legs and tags straight into the tables in one transaction, many rows per
 * INSERT: the repositories write row by row, which would make seeding 100k trades take minutes on
 * PostgreSQL. Legs carry no fills (the seed has no executions); the list page still runs its fills query.
 */
export async function seedTrades(db: Kysely<JournalDb>, userId: string, logId: string, trades: readonly SeedTrade[]): Promise<void> {
  const at = Date.UTC(2026, 0, 1);
  const tagIds = new Map<string, string>(SEED_TAGS.map((name, i) => [name, benchId(2, i)]));
  await db.transaction().execute(async (trx) => {
    await insertChunked(trx, 'tags', [...tagIds].map(([name, id]) => ({ id, user_id: userId, name, created_at: at })));
    await insertChunked(
      trx,
      'trades',
      trades.map((t) => ({
        id: t.id,
        user_id: userId,
        log_id: logId,
        symbol: t.symbol,
        strategy: t.strategy,
        side: t.side,
        quantity_micros: t.quantityMicros,
        opened_at: t.openedAt,
        closed_at: t.closedAt,
        status: 'closed',
        gross_micros: t.grossMicros,
        fees_micros: t.feesMicros,
        net_micros: t.netMicros,
        risk_micros: t.riskMicros,
        notes: '',
        market_at_entry: null,
        created_at: at,
        updated_at: at,
      })),
    );
    let legNumber = 0;
    await insertChunked(
      trx,
      'trade_legs',
      trades.flatMap((t) =>
        t.legs.map((l, legIndex) => ({
          id: benchId(3, legNumber++),
          trade_id: t.id,
          user_id: userId,
          leg_index: legIndex,
          instrument_kind: l.instrumentKind,
          symbol: l.symbol,
          expiry: l.expiry,
          strike_micros: l.strikeMicros,
          option_right: l.optionRight,
          side: l.side,
          quantity_micros: l.quantityMicros,
          open_price_micros: l.openPriceMicros,
          close_price_micros: l.closePriceMicros,
          multiplier_micros: l.multiplierMicros,
        })),
      ),
    );
    await insertChunked(
      trx,
      'trade_tags',
      trades.flatMap((t) => t.tags.map((name) => ({ trade_id: t.id, tag_id: tagIds.get(name) ?? '', user_id: userId }))),
    );
  });
}

export function seedTagId(name: (typeof SEED_TAGS)[number]): string {
  return benchId(2, SEED_TAGS.indexOf(name));
}
