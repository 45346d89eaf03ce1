import { melModelIds, type Candle, type MelSnapshot } from '@marketswarm/shared/dto';
import type { TopicPayload } from '@marketswarm/shared/events';
import { expiryCloseOf, makeTile, type HeatmapTile } from '@marketswarm/shared/models';
import type { UserBook } from '../book/user-book.reader.js';
import { openCallVertical, savedPutButterfly } from '../book/user-book.fixtures.js';
import type { AdiInputs, AdiMarketData } from './adi-snapshot.builder.js';

/** Test data: Monday 2026-12-07, 10:42 New York (15:42 UTC), midday of an SPX session. */
export const ADI_NOW = Date.parse('2026-12-07T15:42:00Z');

function single(right: 'call' | 'put', strike: number, debit: number, iv: number, expiryDate: string): HeatmapTile {
  const tile = makeTile(right === 'call' ? 'single-call' : 'single-put', 0, 0, strike, debit, expiryCloseOf(expiryDate) ?? 0, iv);
  if (!tile) throw new Error(`no ${right} tile at ${strike}`);
  return tile;
}

/** 0DTE SPX options expiring on `expiryDate`: single calls and puts whose debits are the mids the book is marked with. */
export function adiHeatmapTiles(expiryDate = '2026-12-07'): TopicPayload<'heatmap'>['tiles'] {
  const tiles = [
    single('call', 6000, 15.2, 0.2, expiryDate),
    single('put', 6000, 11.4, 0.22, expiryDate),
    single('call', 6010, 9.7, 0.18, expiryDate),
    single('put', 6010, 16.1, 0.19, expiryDate),
    single('put', 5990, 6.1, 0.23, expiryDate),
    single('put', 5980, 4, 0.24, expiryDate),
    single('put', 5970, 2.6, 0.25, expiryDate),
  ];
  // Spread: the payload's tiles are loose objects, which an interface without an index signature is not.
  return Object.fromEntries(tiles.map((tile) => [tile.key, { ...tile }]));
}

/** Test data: today's 1-minute SPX bars from the 09:30 open, each bar's volume as traded. */
export function adiCandles(): Candle[] {
  const open = Date.parse('2026-12-07T14:30:00Z');
  const bars: [o: number, h: number, l: number, c: number, v: number][] = [
    [5992, 5998, 5990, 5996, 3000],
    [5996, 6004, 5995, 6002, 6000],
    [6002, 6006, 6000, 6004, 9000],
    [6004, 6005, 6001, 6003, 7000],
    [6003, 6010, 6002, 6008, 4000],
    [6008, 6009, 6003, 6004, 5000],
  ];
  return bars.map(([o, h, l, c, v], i) => ({ t: open + i * 60_000, o, h, l, c, v }));
}

export function adiGexPayload(): TopicPayload<'gex'> {
  return {
    symbol: 'SPX',
    spot: 6004,
    strikes: [
      { strike: 5950, call: 2e8, put: -9e8, net: -7e8 },
      { strike: 6000, call: 1.4e9, put: -3e8, net: 1.1e9 },
      { strike: 6050, call: 8e8, put: -1e8, net: 7e8 },
    ],
    total: 1.1e9,
    callWall: 6000,
    putWall: 5950,
    flip: 5981.82,
  };
}

export function adiMelSnapshot(): MelSnapshot {
  const models = Object.fromEntries(melModelIds.map((id) => [id, { model: id, score: 75, state: 'VALID', trend: 'stable', confidence: 1, components: {} }])) as MelSnapshot['models'];
  return { symbol: 'SPX', dte: 0, ts: ADI_NOW - 1000, spot: 6004, models, weighted: 75, coherence: 'stable', globalIntegrity: 75, state: 'VALID' };
}

export function adiMarket(): AdiMarketData {
  return {
    spot: { ts: ADI_NOW - 500, data: { symbol: 'SPX', price: 6004, prevClose: 5990 } },
    gex: { ts: ADI_NOW - 2000, data: adiGexPayload() },
    heatmap: { ts: ADI_NOW - 1500, data: { symbol: 'SPX', version: 1, kind: 'snapshot', tiles: adiHeatmapTiles() } },
    mode: { ts: ADI_NOW - 3000, data: { symbol: 'SPX', mode: 'transition', score: 55 } },
    candles: adiCandles(),
    trail: [6001, 6006, 6003, 6004].map((price, i) => ({ ts: ADI_NOW - 4000 + i * 1000, price })),
    trailMinutes: 30,
  };
}

export function adiBook(): UserBook {
  return { openTrades: [openCallVertical()], savedPositions: [savedPutButterfly()] };
}

/** Everything a snapshot is built from, as one recorded moment. */
export function adiInputs(overrides: Partial<AdiInputs> = {}): AdiInputs {
  return { symbol: 'SPX', dte: 0, market: adiMarket(), mel: adiMelSnapshot(), book: adiBook(), now: ADI_NOW, ...overrides };
}
