import { z } from 'zod';

/**
 * The names a journal trade's `strategy` takes. One list for the grouping engine, the routes'
 * filters and the UI's pickers; `custom` is anything the classifier does not recognise (ratio
 * spreads, rolled or legged-in positions, stock plus options).
 */
export const TRADE_STRATEGIES = ['single', 'vertical', 'butterfly', 'iron fly', 'iron condor', 'calendar', 'diagonal', 'straddle', 'strangle', 'stock', 'future', 'custom'] as const;

export const tradeStrategySchema = z.enum(TRADE_STRATEGIES);
export type TradeStrategy = z.infer<typeof tradeStrategySchema>;

/**
 * What the classifier reads of a leg. The field names are the journal's trade leg's, so a stored
 * leg can be passed as it is. Strikes and quantities are integer micros; `quantityMicros` is the
 * leg's whole opened quantity, always positive, and `side` says which way it was opened.
 */
export interface StructureLeg {
  instrumentKind: 'stock' | 'option' | 'future' | 'future_option';
  optionRight: 'C' | 'P' | null;
  strikeMicros: number | null;
  expiry: string | null;
  side: 'buy' | 'sell';
  quantityMicros: number;
}

interface NetLeg {
  kind: StructureLeg['instrumentKind'];
  right: 'C' | 'P' | null;
  strike: number | null;
  expiry: string | null;
  /** Signed: positive long, negative short. */
  quantity: number;
}

/**
 * Names the structure of a trade's legs. Legs of the same instrument are netted first (a leg
 * bought in two lots is one leg); ratios must be exact:
 * - vertical: same right and expiry, two strikes, opposite sides, equal quantities;
 * - butterfly: same right and expiry, three strikes, the wings on one side and the body on the
 *   other with body = lower wing + upper wing — so 1-2-1, broken-wing (unequal widths) and
 *   1-3-2 ratio flies all count, each leg by its contracts;
 * - iron fly / iron condor: a put vertical below a call vertical, equal quantities, the two inner
 *   strikes on the same side (short for the usual credit trade, long for a reverse one) — equal
 *   inner strikes make it an iron fly;
 * - calendar / diagonal: one right, two expiries, opposite sides, equal quantities, same strike
 *   (calendar) or not (diagonal);
 * - straddle / strangle: a put and a call of one expiry on the same side, equal quantities, same
 *   strike (straddle) or not (strangle);
 * - single: one option leg; stock and future: only shares or only futures contracts.
 */
export function classifyStructure(legs: readonly StructureLeg[]): TradeStrategy {
  const net = netLegs(legs);
  if (net.length === 0) return 'custom';
  if (net.every((l) => l.kind === 'stock')) return 'stock';
  if (net.every((l) => l.kind === 'future')) return 'future';
  if (!net.every((l) => (l.kind === 'option' || l.kind === 'future_option') && l.right !== null && l.strike !== null && l.expiry !== null)) return 'custom';
  if (net.length === 1) return 'single';
  if (net.length === 2) return twoLegs(net[0] as NetLeg, net[1] as NetLeg);
  if (net.length === 3) return isButterfly(net) ? 'butterfly' : 'custom';
  if (net.length === 4) return ironShape(net);
  return 'custom';
}

function netLegs(legs: readonly StructureLeg[]): NetLeg[] {
  const byInstrument = new Map<string, NetLeg>();
  for (const leg of legs) {
    const key = `${leg.instrumentKind}|${leg.optionRight ?? ''}|${leg.strikeMicros ?? ''}|${leg.expiry ?? ''}`;
    const signed = leg.side === 'buy' ? leg.quantityMicros : -leg.quantityMicros;
    const known = byInstrument.get(key);
    if (known) known.quantity += signed;
    else byInstrument.set(key, { kind: leg.instrumentKind, right: leg.optionRight, strike: leg.strikeMicros, expiry: leg.expiry, quantity: signed });
  }
  return [...byInstrument.values()].filter((l) => l.quantity !== 0);
}

function twoLegs(a: NetLeg, b: NetLeg): TradeStrategy {
  const opposite = Math.sign(a.quantity) !== Math.sign(b.quantity);
  if (Math.abs(a.quantity) !== Math.abs(b.quantity)) return 'custom';
  if (a.right === b.right) {
    if (!opposite) return 'custom';
    if (a.expiry === b.expiry) return 'vertical';
    return a.strike === b.strike ? 'calendar' : 'diagonal';
  }
  if (opposite || a.expiry !== b.expiry) return 'custom';
  return a.strike === b.strike ? 'straddle' : 'strangle';
}

function isButterfly(net: readonly NetLeg[]): boolean {
  const first = net[0] as NetLeg;
  if (!net.every((l) => l.right === first.right && l.expiry === first.expiry)) return false;
  const [low, body, high] = [...net].sort((x, y) => (x.strike as number) - (y.strike as number)) as [NetLeg, NetLeg, NetLeg];
  const wingSign = Math.sign(low.quantity);
  return Math.sign(high.quantity) === wingSign && Math.sign(body.quantity) === -wingSign && Math.abs(body.quantity) === Math.abs(low.quantity) + Math.abs(high.quantity);
}

function ironShape(net: readonly NetLeg[]): TradeStrategy {
  const first = net[0] as NetLeg;
  if (!net.every((l) => l.expiry === first.expiry && Math.abs(l.quantity) === Math.abs(first.quantity))) return 'custom';
  const byStrike = (x: NetLeg, y: NetLeg): number => (x.strike as number) - (y.strike as number);
  const puts = net.filter((l) => l.right === 'P').sort(byStrike);
  const calls = net.filter((l) => l.right === 'C').sort(byStrike);
  if (puts.length !== 2 || calls.length !== 2) return 'custom';
  const [putWing, putInner] = puts as [NetLeg, NetLeg];
  const [callInner, callWing] = calls as [NetLeg, NetLeg];
  const innerSign = Math.sign(putInner.quantity);
  const sidesFit = Math.sign(callInner.quantity) === innerSign && Math.sign(putWing.quantity) === -innerSign && Math.sign(callWing.quantity) === -innerSign;
  if (!sidesFit || (putInner.strike as number) > (callInner.strike as number)) return 'custom';
  return putInner.strike === callInner.strike ? 'iron fly' : 'iron condor';
}
