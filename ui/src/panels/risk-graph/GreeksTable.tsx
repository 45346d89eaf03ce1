import type { PositionGreeks } from '@marketswarm/shared/models';
import { memo, type ReactNode } from 'react';
import { formatGreek } from './greek-format';

export interface GreeksRow {
  id: string;
  /** `+2 C 4990 01-02` */
  label: string;
  greeks: PositionGreeks;
}

/** `+2 C 4990 01-02` may break only before its expiry, so a narrow side column shows the contract and the date whole. */
const wrappable = (label: string): ReactNode => {
  const cut = label.lastIndexOf(' ');
  if (cut < 0) return label;
  return (
    <>
      {label.slice(0, cut).replaceAll(' ', '\u00a0')} <span className="rg-nowrap">{label.slice(cut + 1)}</span>
    </>
  );
};

/**
 * The drawn positions' greeks at the what-if spot and valuation time, in dollars: summed, and per
 * leg in a disclosure (a fly's legs cancel, so the sum alone hides where the risk sits).
 */
export const GreeksTable = memo(function GreeksTable({ rows, total }: { rows: readonly GreeksRow[]; total: PositionGreeks }) {
  const cells = (g: PositionGreeks) => (
    <>
      <td className="mono">{formatGreek(g.delta, 2)}</td>
      <td className="mono">{formatGreek(g.gamma, 3)}</td>
      <td className="mono">{formatGreek(g.theta, 2)}</td>
      <td className="mono">{formatGreek(g.vega, 2)}</td>
    </>
  );
  return (
    <div className="rg-greeks" data-testid="rg-greeks">
      <table>
        <caption className="rg-caption">Greeks, dollars</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Leg</span>
            </th>
            <th scope="col">
              <abbr title="Delta: dollars per 1-point move of the underlying">Δ $/pt</abbr>
            </th>
            <th scope="col">
              <abbr title="Gamma: change of the dollar delta per 1-point move">Γ $/pt²</abbr>
            </th>
            <th scope="col">
              <abbr title="Theta: dollars per calendar day that passes">Θ $/day</abbr>
            </th>
            <th scope="col">
              <abbr title="Vega: dollars per 1 point of implied volatility">vega $/vol</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="rg-greeks-total">
            <th scope="row">Total</th>
            {cells(total)}
          </tr>
          {rows.map((r) => (
            <tr key={r.id} className="rg-greeks-leg">
              <th scope="row" className="mono">
                {wrappable(r.label)}
              </th>
              {cells(r.greeks)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
