import { Inject, Injectable, Optional } from '@nestjs/common';
import type { AdiSnapshot, MelSnapshot } from '@marketswarm/shared/dto';
import type { Logger } from '@marketswarm/shared/logger';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import { copilotSettings, type CopilotSettings } from '@marketswarm/shared/truth';
import { UserBookReader } from '../book/user-book.reader.js';
import { MarketReader } from '../market/market-reader.js';
import { MelService } from '../mel/mel.service.js';
import { SpotTrail } from '../mel/spot-trail.js';
import { buildAdiSnapshot } from './adi-snapshot.builder.js';

/** The clock ADI stamps and dates sessions with; specs inject a fixed one. */
export const ADI_CLOCK = Symbol('ADI_CLOCK');
export type AdiClock = () => number;

/** How far back the price section's trail looks. */
export const ADI_TRAIL_MINUTES = 30;
/** 1-minute bars read at most: a whole regular session is 390. */
const CANDLE_LIMIT = 1000;

/**
 * Reads the market, the DTE's MEL and the user's own book at one moment and builds the snapshot.
 * MEL is optional to the export: when it cannot be computed the section is null and the rest of the
 * picture is still served.
 */
@Injectable()
export class AdiService {
  private readonly settings: CopilotSettings;
  private readonly logger: Logger;
  /** Kept between requests: each reads only the spot prints that came since the last one. */
  private readonly trail: SpotTrail;

  constructor(
    @Inject(SERVICE_CONTEXT) ctx: ServiceContext,
    @Inject(MarketReader) private readonly market: MarketReader,
    @Inject(MelService) private readonly mel: MelService,
    @Inject(UserBookReader) private readonly books: UserBookReader,
    @Optional() @Inject(ADI_CLOCK) private readonly clock: AdiClock = Date.now,
  ) {
    // melSymbol is restart-only (not live): MEL, this trail and every request describe the symbol the process booted with.
    this.settings = ctx.settings.of(copilotSettings).settings;
    this.logger = ctx.logger.child({ module: 'adi' });
    this.trail = new SpotTrail(market, this.settings.melSymbol, ADI_TRAIL_MINUTES * 60_000);
  }

  async snapshot(userId: string, dte: number): Promise<AdiSnapshot> {
    const now = this.clock();
    const symbol = this.settings.melSymbol;
    const [spot, gex, heatmap, mode, candles, trail, mel, book] = await Promise.all([
      this.market.spot(symbol),
      this.market.gex(symbol),
      this.market.heatmap(symbol),
      this.market.mode(symbol),
      this.market.candles(symbol, '1m', CANDLE_LIMIT, now),
      this.trail.read(now),
      this.melOf(dte),
      this.books.read(userId),
    ]);
    return buildAdiSnapshot({ symbol, dte, now, mel, book, market: { spot, gex, heatmap, mode, candles, trail, trailMinutes: ADI_TRAIL_MINUTES } });
  }

  private async melOf(dte: number): Promise<MelSnapshot | null> {
    try {
      return await this.mel.snapshot(dte);
    } catch (error) {
      this.logger.warn({ err: error, dte }, 'MEL is not available; the ADI snapshot carries mel: null');
      return null;
    }
  }
}
