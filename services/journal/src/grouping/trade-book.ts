import type { ExecutionSide, InstrumentKind, OptionRight } from '../database/journal-db.js';
import type { Execution } from '../executions/executions.repository.js';
import { divRound } from './exact-share.js';
import type { FillPart } from './fill-ledger.js';

export type CostBasis = 'fifo' | 'average';

/** The instrument of a leg, as its first fill names it. */
export interface Instrument {
  /** `${instrumentKind}|${symbol}`: one OCC symbol or contract, whatever export it came from. */
  key: string;
  instrumentKind: InstrumentKind;
  symbol: string;
  underlying: string;
  expiry: string | null;
  strikeMicros: number | null;
  optionRight: OptionRight | null;
  multiplierMicros: number;
}

const instrumentKeys = new WeakMap<Execution, string>();

/** One string per fill, built once: the grouping looks legs up by it many times per unit. */
export function instrumentKey(execution: Execution): string {
  let key = instrumentKeys.get(execution);
  if (key === undefined) instrumentKeys.set(execution, (key = `${execution.instrumentKind}|${execution.symbol}`));
  return key;
}

export function instrumentOf(execution: Execution): Instrument {
  return {
    key: instrumentKey(execution),
    instrumentKind: execution.instrumentKind,
    symbol: execution.symbol,
    underlying: execution.underlying,
    expiry: execution.expiry,
    strikeMicros: execution.strikeMicros,
    optionRight: execution.optionRight,
    multiplierMicros: execution.multiplierMicros,
  };
}

/** What is left of one opening fill part; `cost` is its cash not yet matched by a close. */
interface Lot {
  quantity: bigint;
  cost: bigint;
}

/**
 * One leg of a trade: one instrument opened on one side. Quantities are micros (BigInt), money is
 * micros of cash (price × quantity × multiplier). Realised P&L is booked per close against the
 * cost of what it closes: the oldest lots first (FIFO), or the running average cost — the two
 * differ only while the leg is partly closed; once flat, both have realised all sells − all buys.
 */
export class LegBook {
  private readonly lots: Lot[] = [];
  openQuantity = 0n;
  private openCost = 0n;
  openedQuantity = 0n;
  openedCash = 0n;
  /** Σ price × quantity, for the average open price. */
  private openedPriceQuantity = 0n;
  closedQuantity = 0n;
  private closedPriceQuantity = 0n;
  realized = 0n;
  /** Which part of which fill the leg used, in the order used; a fill appears once. */
  readonly fills = new Map<string, bigint>();

  constructor(
    readonly instrument: Instrument,
    readonly side: ExecutionSide,
    private readonly basis: CostBasis,
  ) {}

  open(executionId: string, quantity: bigint, priceMicros: number, part: FillPart): void {
    this.lots.push({ quantity, cost: part.cash });
    this.openQuantity += quantity;
    this.openCost += part.cash;
    this.openedQuantity += quantity;
    this.openedCash += part.cash;
    this.openedPriceQuantity += BigInt(priceMicros) * quantity;
    this.use(executionId, quantity);
  }

  /** Closes `quantity` (at most the open quantity) at `priceMicros`; `executionId` null for a cash settlement with no row. */
  close(executionId: string | null, quantity: bigint, priceMicros: number, cash: bigint): void {
    if (quantity <= 0n || quantity > this.openQuantity) throw new RangeError(`closing ${quantity} of ${this.openQuantity} open`);
    const cost = this.basis === 'average' ? divRound(this.openCost * quantity, this.openQuantity) : this.takeLots(quantity);
    if (this.basis === 'average') this.shrinkLots(quantity);
    this.openQuantity -= quantity;
    this.openCost -= cost;
    this.closedQuantity += quantity;
    this.closedPriceQuantity += BigInt(priceMicros) * quantity;
    // A long leg earns what it sells for above its cost; a short leg what it buys back below its credit.
    this.realized += this.side === 'buy' ? cash - cost : cost - cash;
    if (executionId !== null) this.use(executionId, quantity);
  }

  averageOpenPrice(): bigint {
    return divRound(this.openedPriceQuantity, this.openedQuantity);
  }

  averageClosePrice(): bigint | null {
    return this.closedQuantity === 0n ? null : divRound(this.closedPriceQuantity, this.closedQuantity);
  }

  /** FIFO: the cost of the oldest `quantity`, each lot's share rounded cumulatively so a lot's parts add up to its cost. */
  private takeLots(quantity: bigint): bigint {
    let left = quantity;
    let cost = 0n;
    while (left > 0n) {
      const lot = this.lots[0];
      if (!lot) throw new RangeError('no lot left to close');
      const taken = left < lot.quantity ? left : lot.quantity;
      const share = divRound(lot.cost * taken, lot.quantity);
      cost += share;
      lot.quantity -= taken;
      lot.cost -= share;
      left -= taken;
      if (lot.quantity === 0n) this.lots.shift();
    }
    return cost;
  }

  /** Average cost keeps no lot order, only the quantity: the lots are drained oldest first to keep the count right. */
  private shrinkLots(quantity: bigint): void {
    let left = quantity;
    while (left > 0n) {
      const lot = this.lots[0];
      if (!lot) return;
      const taken = left < lot.quantity ? left : lot.quantity;
      lot.quantity -= taken;
      left -= taken;
      if (lot.quantity === 0n) this.lots.shift();
    }
  }

  private use(executionId: string, quantity: bigint): void {
    this.fills.set(executionId, (this.fills.get(executionId) ?? 0n) + quantity);
  }
}

/** A trade being built: one position in one account and root, from its first opening fill until every leg is flat. */
export class TradeBook {
  readonly legs: LegBook[] = [];
  private readonly legIndex = new Map<string, { buy?: LegBook; sell?: LegBook }>();
  fees = 0n;
  closedAt: number | null = null;
  /** The latest close of any leg, so a trade flattened by a late settlement still closes at its last event. */
  lastCloseAt: number | null = null;

  constructor(
    /** The id of the fill that opened the trade. */
    readonly key: string,
    readonly account: string,
    /** The underlying root (instrument-root.ts). */
    readonly symbol: string,
    readonly openedAt: number,
    private readonly basis: CostBasis,
  ) {}

  leg(instrumentKey: string, side: ExecutionSide): LegBook | undefined {
    return this.legIndex.get(instrumentKey)?.[side];
  }

  legFor(instrument: Instrument, side: ExecutionSide): LegBook {
    let leg = this.leg(instrument.key, side);
    if (!leg) {
      leg = new LegBook(instrument, side, this.basis);
      this.legs.push(leg);
      const sides = this.legIndex.get(instrument.key) ?? {};
      sides[side] = leg;
      this.legIndex.set(instrument.key, sides);
    }
    return leg;
  }

  isFlat(): boolean {
    return this.legs.every((l) => l.openQuantity === 0n);
  }

  /** The `instrument|side` of every leg still open: what a scale-in has to repeat. */
  openSignature(): string {
    return signature(this.legs.filter((l) => l.openQuantity > 0n).map((l) => ({ key: l.instrument.key, side: l.side })));
  }

  noteClose(at: number): void {
    if (this.lastCloseAt === null || at > this.lastCloseAt) this.lastCloseAt = at;
  }
}

export function signature(legs: readonly { key: string; side: ExecutionSide }[]): string {
  return [...new Set(legs.map((l) => `${l.key}#${l.side}`))].sort().join('\n');
}
