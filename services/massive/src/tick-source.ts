/** One trade/quote print: the unit every source produces and the publisher consumes. */
export interface Tick {
  symbol: string;
  price: number;
  size?: number;
  /** Market time of the tick, epoch ms. */
  ts: number;
}

/**
 * The live-adapter seam. The simulator and the replay player are its first two implementations;
 * a real provider plugs in the same way:
 *
 * 1. Write `<provider>-source.ts` with a class implementing `TickSource`. In `start`, open the
 *    provider's socket/stream, map each message to a `Tick` (symbol in our upper-case form, price,
 *    optional size, the provider's timestamp in epoch ms) and call `onTick`; reconnect with backoff
 *    inside the class. `stop` closes the connection and resolves when no more ticks will arrive.
 * 2. Add its name to `source` in `settings.ts` (plus any keys it needs; API keys come from truth
 *    secrets, `ctx.config.secrets`) and one branch in `createTickSource` (`source-factory.ts`).
 *
 * Sources never publish and never aggregate: the publisher owns seq numbers, candles, the cycle
 * cadence and recording, so every source gets them for free.
 */
export interface TickSource {
  readonly name: string;
  start(onTick: (tick: Tick) => void): void;
  stop(): Promise<void>;
}
