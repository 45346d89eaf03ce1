import { useState } from 'react';
import { formatMoney, roundCents, type Scenario } from './risk-scenario';

const money = (v: number | null): string => (v === null ? 'unlimited' : formatMoney(v));
const tone = (v: number): string => (roundCents(v) > 0 ? 'up' : roundCents(v) < 0 ? 'down' : '');
export const percent = (p: number): string => `${(p * 100).toFixed(p >= 0.995 || p <= 0.005 ? 1 : 0)}%`;

interface RiskSummaryProps {
  scenario: Scenario;
  whatIfSpot: number;
  /** Probability of profit at expiry (lognormal from IV), 0..1; undefined when it cannot be computed. */
  pop: number | undefined;
  /** Probability of touching each breakeven before expiry, in the breakevens' order. */
  touches: readonly (number | undefined)[];
  /** Sets a price alert at a breakeven; resolves to the line said in the live region. */
  onBreakevenAlert: (level: number) => Promise<{ ok: boolean; message?: string }>;
}

/** Max profit and loss, breakevens (each with its touch probability and an alert bell), chance of profit, P&L today and at expiry. */
export function RiskSummary({ scenario, whatIfSpot, pop, touches, onBreakevenAlert }: RiskSummaryProps) {
  const { pnlToday, pnlExpiry, maxProfit, maxLoss, breakevens } = scenario;
  return (
    <dl className="rg-summary">
      <div>
        <dt>Max profit</dt>
        <dd className="mono up">{money(maxProfit)}</dd>
      </div>
      <div>
        <dt>Max loss</dt>
        <dd className="mono down">{money(maxLoss)}</dd>
      </div>
      <div>
        <dt>
          <abbr title="Probability of profit at expiry, lognormal from the IV slider">Chance of profit</abbr>
        </dt>
        <dd className="mono" data-testid="rg-pop" data-value={pop === undefined ? '' : pop.toFixed(4)}>
          {pop === undefined ? '—' : percent(pop)}
        </dd>
      </div>
      <div>
        <dt>
          P&amp;L today @ <span className="mono">{whatIfSpot.toFixed(2)}</span>
        </dt>
        <dd className={`mono ${tone(pnlToday)}`} data-testid="risk-pnl-today" data-value={roundCents(pnlToday)}>
          {formatMoney(pnlToday)}
        </dd>
      </div>
      <div>
        <dt>P&amp;L at expiry</dt>
        <dd className={`mono ${tone(pnlExpiry)}`}>{formatMoney(pnlExpiry)}</dd>
      </div>
      <div className="rg-summary-wide">
        <dt>Breakevens (chance of touch)</dt>
        <dd className="mono">{breakevens.length === 0 ? 'none' : <BreakevenAlerts breakevens={breakevens} touches={touches} onAlert={onBreakevenAlert} />}</dd>
      </div>
    </dl>
  );
}

interface BreakevenAlertsProps {
  breakevens: readonly number[];
  touches: readonly (number | undefined)[];
  onAlert: (level: number) => Promise<{ ok: boolean; message?: string }>;
}

/**
 * Each breakeven with a bell: a click sets a price alert at that level (once; the alert manager
 * edits it). The result is said in a live region beside the levels.
 */
function BreakevenAlerts({ breakevens, touches, onAlert }: BreakevenAlertsProps) {
  const [status, setStatus] = useState('');
  const [set, setSet] = useState<ReadonlySet<string>>(() => new Set());
  const alert = async (level: number): Promise<void> => {
    const shown = level.toFixed(2);
    setStatus(`Setting an alert at ${shown}…`);
    const outcome = await onAlert(level);
    if (outcome.ok) setSet((s) => new Set([...s, shown]));
    setStatus(outcome.ok ? `Alert set at ${shown}.` : `No alert at ${shown}: ${outcome.message ?? 'the journal refused it'}`);
  };
  return (
    <span className="rg-breakevens">
      {breakevens.map((b, i) => {
        const shown = b.toFixed(2);
        const touch = touches[i];
        return (
          <span key={i} className="rg-breakeven-item">
            {shown}
            {touch !== undefined && (
              <span className="rg-touch" title={`Chance the price touches ${shown} before expiry`}>
                {' '}
                ({percent(touch)})
              </span>
            )}
            <button
              type="button"
              className="rg-btn rg-icon rg-bell"
              data-testid="breakeven-alert"
              data-level={roundCents(b).toFixed(2)}
              aria-pressed={set.has(shown)}
              aria-label={`Alert me when the price reaches the breakeven ${shown}`}
              title={`Price alert at ${shown}`}
              onClick={() => void alert(b)}
            >
              <span aria-hidden="true">🔔</span>
            </button>
          </span>
        );
      })}
      <span className="rg-hint" role="status">
        {status}
      </span>
    </span>
  );
}
