import type { MarketReader, SpotPrint } from '../market/market-reader.js';

/**
 * A symbol's spot prints of the last `windowMs`, kept between reads and extended from the last
 * stream entry held: the window (up to 60k entries for half an hour) is read and decoded in full
 * once, then each read fetches only what came after. Reads run one after the other, so two
 * requests at once never fetch the same entries twice or append them twice.
 */
export class SpotTrail {
  private prints: SpotPrint[] = [];
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly reader: Pick<MarketReader, 'spotTrail'>,
    private readonly symbol: string,
    private readonly windowMs: number,
  ) {}

  /** The prints from `now - windowMs` to `now`, oldest first. */
  read(now: number): Promise<readonly SpotPrint[]> {
    const next = this.tail.then(() => this.extend(now));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async extend(now: number): Promise<readonly SpotPrint[]> {
    const from = now - this.windowMs;
    const lastId = this.prints.at(-1)?.id;
    const fresh = await this.reader.spotTrail(this.symbol, lastId === undefined ? from : `(${lastId}`);
    // Prints stamped after `now` stay held (a later read includes them) but are not returned.
    this.prints = [...this.prints, ...fresh].filter((p) => p.ts >= from);
    return this.prints.filter((p) => p.ts <= now);
  }
}
