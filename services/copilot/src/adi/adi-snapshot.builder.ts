import { ADI_SCHEMA_ID, ADI_SCHEMA_VERSION, type AdiSection, type AdiSectionSnapshot, type AdiSnapshot, type Candle, type MelSnapshot } from '@marketswarm/shared/dto';
import { singleOptionMids } from '@marketswarm/shared/models';
import type { UserBook } from '../book/user-book.reader.js';
import type { MarketReading, SpotPrint } from '../market/market-reader.js';
import { auctionLevels } from './auction-levels.js';
import { gammaSection } from './gamma-section.js';
import { priceSection } from './price-section.js';
import { sessionSection } from './session-section.js';
import { userSection } from './user-section.js';
import { volatilitySection } from './volatility-section.js';

/** What market Redis holds for the underlying at one moment (MarketReader's readings). */
export interface AdiMarketData {
  spot: MarketReading<'spot'> | null;
  gex: MarketReading<'gex'> | null;
  heatmap: MarketReading<'heatmap'> | null;
  mode: MarketReading<'mode'> | null;
  /** Today's 1-minute bars, oldest first. */
  candles: readonly Candle[];
  /** Spot prints of the last `trailMinutes`, oldest first. */
  trail: readonly Pick<SpotPrint, 'ts' | 'price'>[];
  trailMinutes: number;
}

export interface AdiInputs {
  symbol: string;
  dte: number;
  market: AdiMarketData;
  mel: MelSnapshot | null;
  book: UserBook;
  now: number;
}

/** Assembles the snapshot from the section builders; pure, so a recorded market gives the same export every time. */
export function buildAdiSnapshot({ symbol, dte, market, mel, book, now }: AdiInputs): AdiSnapshot {
  const spot = market.spot?.data.price ?? null;
  const tiles = Object.values(market.heatmap?.data.tiles ?? {});
  return {
    schema: { id: ADI_SCHEMA_ID, version: ADI_SCHEMA_VERSION },
    symbol,
    dte,
    generatedAt: now,
    price: priceSection({
      spot: market.spot === null ? null : { ts: market.spot.ts, price: market.spot.data.price, prevClose: market.spot.data.prevClose },
      candles: market.candles,
      trail: market.trail,
      trailMinutes: market.trailMinutes,
    }),
    volatility: volatilitySection({
      spot,
      tiles,
      dte,
      candles: market.candles,
      mode: market.mode === null ? null : { mode: market.mode.data.mode, score: market.mode.data.score },
    }),
    gamma: gammaSection({ gex: market.gex, spot }),
    auction: auctionLevels(market.candles),
    session: sessionSection(symbol, now),
    mel,
    user: userSection(book, { underlying: symbol, mids: singleOptionMids(tiles), spot }),
  };
}

/** The header and one section, shaped as the full snapshot carries them (`/api/adi/snapshot/:section`). */
export function adiSectionOf(snapshot: AdiSnapshot, section: AdiSection): AdiSectionSnapshot {
  const { schema, symbol, dte, generatedAt } = snapshot;
  return { schema, symbol, dte, generatedAt, [section]: snapshot[section] };
}
