/** What is known about one symbol's last price and the session it belongs to. */
export interface PriorCloseState {
  price: number;
  session: string;
  /** The last price of the session before `session`, when known. */
  prevClose?: number;
}

interface SymbolState extends PriorCloseState {
  /** The earlier session `prevClose` was recalled from (history), so its later prices may replace it. */
  recalled?: string;
}

/**
 * The previous session's close per symbol, the reference of the header's change and %. The close of
 * a session is the last price seen in it, taken over when a price of a later session arrives. It is
 * rebuilt after a restart from what the market already holds (the candles stream and the spot
 * snapshot, which carries the `prevClose` it was published with), so it survives restarts without a
 * key of its own. Pure: sessions are passed in.
 */
export class PriorCloses {
  private readonly states = new Map<string, SymbolState>();

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
      delete state.recalled;
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
    if (tick.prevClose !== undefined && state.session === tick.session) {
      state.prevClose = tick.prevClose;
      delete state.recalled;
    }
  }

  /**
   * Takes a price from history that may lie behind what is known (the history sets, or a previous
   * session generated after today's prices): a price of an earlier session becomes the prior close
   * while no other is known, and later prices of that session (fed in time order) replace it; a price
   * of the known session is older than the known price and changes nothing.
   */
  recall(symbol: string, price: number, session: string): void {
    const state = this.states.get(symbol);
    if (state === undefined || session > state.session) {
      this.observe(symbol, price, session);
      return;
    }
    if (session === state.session) return;
    if (state.prevClose === undefined || (state.recalled !== undefined && session >= state.recalled)) {
      state.prevClose = price;
      state.recalled = session;
    }
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
