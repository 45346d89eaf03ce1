/** What is known about one symbol's last price and the session it belongs to. */
export interface PriorCloseState {
  price: number;
  session: string;
  /** The last price of the session before `session`, when known. */
  prevClose?: number;
}

/**
 * The previous session's close per symbol, the reference of the header's change and %. The close of
 * a session is the last price seen in it, taken over when a price of a later session arrives. It is
 * rebuilt after a restart from what the market already holds (the candles stream and the spot
 * snapshot, which carries the `prevClose` it was published with), so it survives restarts without a
 * key of its own. Pure: sessions are passed in.
 */
export class PriorCloses {
  private readonly states = new Map<string, PriorCloseState>();

  /** Records a price of `session` and returns the prior close the symbol has now. */
  observe(symbol: string, price: number, session: string): number | undefined {
    const state = this.states.get(symbol);
    if (state === undefined) {
      this.states.set(symbol, { price, session });
      return undefined;
    }
    // Sessions are YYYY-MM-DD: a late price of an older session never becomes the new reference.
    if (session < state.session) return state.prevClose;
    if (session > state.session) {
      state.prevClose = state.price;
      state.session = session;
    }
    state.price = price;
    return state.prevClose;
  }

  /**
   * Takes over a published tick (the spot snapshot after a restart): its price and, when it was
   * published in the same session as what is known now, the prior close it carried.
   */
  restore(symbol: string, tick: PriorCloseState): void {
    this.observe(symbol, tick.price, tick.session);
    const state = this.states.get(symbol)!;
    if (tick.prevClose !== undefined && state.session === tick.session) state.prevClose = tick.prevClose;
  }

  prevClose(symbol: string): number | undefined {
    return this.states.get(symbol)?.prevClose;
  }

  lastPrice(symbol: string): number | undefined {
    return this.states.get(symbol)?.price;
  }

  /** The session of the symbol's last price. */
  session(symbol: string): string | undefined {
    return this.states.get(symbol)?.session;
  }
}
