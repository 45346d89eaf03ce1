import { type PositionGreeks, positionGreeks } from './position-greeks.js';
import { type PositionLeg, type RiskMarket } from './risk-graph.js';

export interface LegGreeks {
  /** One entry per leg, in the legs' order: that leg's signed greeks (quantity × option × multiplier). */
  legs: PositionGreeks[];
  /** The sum of `legs`, term by term. */
  total: PositionGreeks;
}

/**
 * The greeks of each leg and of the whole position at `spot`, as thinkorswim's Analyze lists them:
 * every leg priced as `positionGreeks` prices it, and the total the exact sum of the rows shown, so
 * the table adds up on screen.
 */
export function legGreeks(legs: readonly PositionLeg[], spot: number, market: RiskMarket, multiplier = 1): LegGreeks {
  const rows = legs.map((leg) => positionGreeks([leg], spot, market, multiplier));
  const total: PositionGreeks = { delta: 0, gamma: 0, theta: 0, vega: 0 };
  for (const row of rows) {
    total.delta += row.delta;
    total.gamma += row.gamma;
    total.theta += row.theta;
    total.vega += row.vega;
  }
  return { legs: rows, total };
}
