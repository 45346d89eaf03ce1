import { type BsInputs, bsD1D2, bsPrice, validateBsInputs } from './black-scholes.js';
import { normCdf, normPdf } from './normal-cdf.js';

/**
 * Price and sensitivities of one European option, in trader units:
 * - delta: ∂V/∂S; gamma: ∂²V/∂S²;
 * - theta: change in value per calendar day that passes (∂V/∂t ÷ 365, usually negative);
 * - vega: change in value per 1 vol point (∂V/∂σ ÷ 100);
 * - rho: change in value per 1 percentage point of rate (∂V/∂r ÷ 100).
 */
export interface Greeks {
  price: number;
  delta: number;
  gamma: number;
  theta: number;
  vega: number;
  rho: number;
}

/**
 * Black–Scholes–Merton greeks. Edge cases use the limits of the formulas:
 * time ≤ 0 → intrinsic price, delta ±1 in the money, 0 out of it and ±½ at the strike, everything else 0;
 * vol ≤ 0 (time > 0) → the option is the deterministic forward when it finishes in the money
 * (delta ±e^(−qT), theta and rho of the discounted forward) and worth 0 otherwise.
 */
export function bsGreeks(i: BsInputs): Greeks {
  validateBsInputs(i);
  const sign = i.type === 'call' ? 1 : -1;
  const price = bsPrice(i);
  if (i.time <= 0) {
    const m = i.spot - i.strike;
    const delta = m === 0 ? sign * 0.5 : sign * m > 0 ? sign : 0;
    return { price, delta, gamma: 0, theta: 0, vega: 0, rho: 0 };
  }
  const q = i.dividendYield ?? 0;
  const T = i.time;
  const dfq = Math.exp(-q * T);
  const dfr = Math.exp(-i.rate * T);
  if (i.vol <= 0) {
    const itm = sign * (i.spot * dfq - i.strike * dfr) > 0;
    if (!itm) return { price, delta: 0, gamma: 0, theta: 0, vega: 0, rho: 0 };
    // V = sign·(S·e^(−qT) − K·e^(−rT)); theta = −∂V/∂T.
    const thetaYear = sign * (q * i.spot * dfq - i.rate * i.strike * dfr);
    return { price, delta: sign * dfq, gamma: 0, theta: thetaYear / 365, vega: 0, rho: (sign * i.strike * T * dfr) / 100 };
  }
  const { d1, d2 } = bsD1D2(i);
  const sqrtT = Math.sqrt(T);
  const pdf = normPdf(d1);
  const nd1 = normCdf(sign * d1);
  const nd2 = normCdf(sign * d2);
  const delta = sign * dfq * nd1;
  const gamma = (dfq * pdf) / (i.spot * i.vol * sqrtT);
  const vegaYear = i.spot * dfq * pdf * sqrtT;
  const thetaYear = (-i.spot * dfq * pdf * i.vol) / (2 * sqrtT) - sign * i.rate * i.strike * dfr * nd2 + sign * q * i.spot * dfq * nd1;
  const rhoYear = sign * i.strike * T * dfr * nd2;
  return { price, delta, gamma, theta: thetaYear / 365, vega: vegaYear / 100, rho: rhoYear / 100 };
}
