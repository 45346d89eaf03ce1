import { bsGreeks } from '../pricing/greeks.js';
import { legBsInputs, type PositionLeg, type RiskMarket } from './risk-graph.js';

/** A position's sensitivities, in the units of `bsGreeks` summed over its contracts (see `positionGreeks`). */
export interface PositionGreeks {
  delta: number;
  gamma: number;
  theta: number;
  vega: number;
}

/**
 * The greeks of a position at `market.now`, priced as `positionValue` prices it (Black–Scholes, the
 * market's vol per leg): Σ quantity × the option's greek × multiplier. With the default multiplier 1
 * a long call of delta 0.5 bought twice has delta 1 (contracts of the underlying), and theta is the
 * points lost per calendar day; 100 gives dollars for index options. Legs past expiry have no
 * greeks but delta (±1 in the money, see `bsGreeks`).
 */
export function positionGreeks(legs: readonly PositionLeg[], spot: number, market: RiskMarket, multiplier = 1): PositionGreeks {
  const sum: PositionGreeks = { delta: 0, gamma: 0, theta: 0, vega: 0 };
  for (const leg of legs) {
    const g = bsGreeks(legBsInputs(leg, spot, market));
    sum.delta += leg.quantity * g.delta;
    sum.gamma += leg.quantity * g.gamma;
    sum.theta += leg.quantity * g.theta;
    sum.vega += leg.quantity * g.vega;
  }
  return { delta: sum.delta * multiplier, gamma: sum.gamma * multiplier, theta: sum.theta * multiplier, vega: sum.vega * multiplier };
}
