import { CONTRACT_MULTIPLIER } from '@marketswarm/shared/pricing';
import { memo, useId, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { SPOT_REDRAW_MS, useKeyedThrottled } from '../../stores/hooks';
import type { WhatIfPosition, WhatIfStore } from '../../risk/what-if-store';
import { useWorkspace } from '../../workspace/workspace-context';
import { describeTile, tradeName } from '../heatmap/heatmap-format';
import { clamp } from '../../charts/scale';
import { RiskChart } from './RiskChart';
import {
  VOL_MAX,
  VOL_MIN,
  breakevensAttr,
  buildScenario,
  daysSlider,
  daysToFirstExpiry,
  defaultVol,
  fallbackSpot,
  formatMoney,
  positionsFor,
  roundCents,
  spotSlider,
  type Scenario,
  type SliderRange,
} from './risk-scenario';
import './risk-graph.css';

/**
 * Risk graph of the workspace symbol's what-if positions: P&L at expiry and today (Black–Scholes at
 * the sliders' days forward and IV) across spot, with what-if spot, days and IV sliders. Follows the
 * live spot (redrawn at most every SPOT_REDRAW_MS) until the trader moves the spot slider.
 */
export function RiskGraphPanel() {
  const { stores, whatIf, symbol } = useWorkspace();
  const all = useSyncExternalStore(whatIf.subscribe, whatIf.getPositions, whatIf.getPositions);
  const positions = useMemo(() => positionsFor(all, symbol), [all, symbol]);
  const quote = useKeyedThrottled(stores.spot, symbol, SPOT_REDRAW_MS);
  const [mountedAt] = useState(() => Date.now());
  // The trader's slider choices belong to the symbol they were made on; another symbol starts afresh.
  const [spotChoice, setSpotChoice] = useState<{ symbol: string; value: number } | null>(null);
  const [daysForward, setDaysForward] = useState(0);
  const [volChoice, setVolChoice] = useState<{ symbol: string; value: number } | null>(null);
  const spotOverride = spotChoice?.symbol === symbol ? spotChoice.value : null;
  const volOverride = volChoice?.symbol === symbol ? volChoice.value : null;
  const ids = useId();

  // The clock of the market data: the live quote's event time (so P&L today matches the quotes).
  const now = quote?.ts ?? mountedAt;
  const liveSpot = quote?.price;
  const baseSpot = liveSpot ?? fallbackSpot(positions);
  const spotRange = baseSpot === undefined ? undefined : spotSlider(baseSpot);
  const whatIfSpot = spotRange === undefined || baseSpot === undefined ? undefined : clamp(spotOverride ?? baseSpot, spotRange.min, spotRange.max);
  const maxDays = daysToFirstExpiry(positions, now);
  const daysRange = daysSlider(maxDays);
  const days = clamp(daysForward, 0, daysRange.max);
  const vol = volOverride ?? defaultVol(positions);

  const scenario = useMemo(
    () => (whatIfSpot === undefined ? undefined : buildScenario({ positions, liveSpot, whatIfSpot, daysForward: days, vol, now })),
    [positions, liveSpot, whatIfSpot, days, vol, now],
  );

  if (scenario === undefined || whatIfSpot === undefined || spotRange === undefined) {
    return (
      <div className="risk-graph" data-testid="risk-graph" data-breakevens="">
        <p className="muted rg-empty">Click a heatmap tile to try a position.</p>
      </div>
    );
  }

  const following = spotOverride === null;
  return (
    <div className="risk-graph" data-testid="risk-graph" data-breakevens={breakevensAttr(scenario.breakevens)} data-symbol={symbol}>
      <Summary scenario={scenario} whatIfSpot={whatIfSpot} />
      <RiskChart scenario={scenario} liveSpot={liveSpot} whatIfSpot={whatIfSpot} />
      <div className="rg-sliders">
        <RangeField
          id={`${ids}-spot`}
          label="What-if spot"
          testId="slider-spot"
          range={spotRange}
          value={whatIfSpot}
          valueText={`${whatIfSpot.toFixed(2)}${following ? ', following live spot' : ''}`}
          shown={whatIfSpot.toFixed(2)}
          onChange={(value) => setSpotChoice({ symbol, value })}
        >
          <button type="button" className="rg-btn rg-follow" aria-pressed={following} disabled={liveSpot === undefined} onClick={() => setSpotChoice(null)}>
            Follow live
          </button>
        </RangeField>
        <RangeField
          id={`${ids}-days`}
          label="Days forward"
          testId="slider-days"
          range={daysRange}
          value={days}
          disabled={daysRange.max === 0}
          valueText={`${days.toFixed(2)} days${days >= maxDays ? ', at expiry' : ''}`}
          shown={days >= maxDays ? 'expiry' : `${days.toFixed(2)}d`}
          onChange={setDaysForward}
        >
          <span className="rg-hint mono">of {maxDays.toFixed(2)}d</span>
        </RangeField>
        <RangeField
          id={`${ids}-iv`}
          label="IV"
          testId="slider-iv"
          range={{ min: VOL_MIN * 100, max: VOL_MAX * 100, step: 0.5 }}
          value={roundCents(vol * 100)}
          valueText={`${(vol * 100).toFixed(1)} percent`}
          shown={`${(vol * 100).toFixed(1)}%`}
          onChange={(value) => setVolChoice({ symbol, value: value / 100 })}
        >
          <button type="button" className="rg-btn" disabled={volOverride === null} onClick={() => setVolChoice(null)}>
            Reset
          </button>
        </RangeField>
      </div>
      <PositionList positions={positions} whatIf={whatIf} symbol={symbol} />
    </div>
  );
}

const money = (v: number | null): string => (v === null ? 'unlimited' : formatMoney(v));
const tone = (v: number): string => (roundCents(v) > 0 ? 'up' : roundCents(v) < 0 ? 'down' : '');

function Summary({ scenario, whatIfSpot }: { scenario: Scenario; whatIfSpot: number }) {
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
      <div className="rg-summary-wide">
        <dt>Breakevens</dt>
        <dd className="mono">{breakevens.length === 0 ? 'none' : breakevens.map((b) => b.toFixed(2)).join(', ')}</dd>
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
    </dl>
  );
}

interface PositionListProps {
  positions: readonly WhatIfPosition[];
  whatIf: WhatIfStore;
  symbol: string;
}

/** The positions, with quantity and remove controls; re-renders only when the positions change, not per spot tick. */
const PositionList = memo(function PositionList({ positions, whatIf, symbol }: PositionListProps) {
  const headingId = useId();
  return (
    <section className="rg-positions" aria-labelledby={headingId}>
      <div className="rg-positions-head">
        <h3 id={headingId}>Positions</h3>
        <button type="button" className="rg-btn" onClick={() => positions.forEach((p) => whatIf.remove(p.id))}>
          Clear all
        </button>
      </div>
      <ul>
        {positions.map((p) => {
          const name = `${symbol} ${tradeName(p.tile)}`;
          return (
            <li key={p.id} className="rg-position" data-testid="whatif-position" data-tile={p.tile.key} data-quantity={p.quantity} title={describeTile(symbol, p.tile)}>
              <span className="rg-position-name">{name}</span>
              <span className="rg-position-debit mono">{formatMoney(-p.tile.debit * p.quantity * CONTRACT_MULTIPLIER)}</span>
              <span className="rg-qty" role="group" aria-label={`Quantity of ${name}`}>
                <button type="button" className="rg-btn rg-icon" aria-label={`Decrease quantity of ${name}`} disabled={p.quantity <= 1} onClick={() => whatIf.setQuantity(p.id, p.quantity - 1)}>
                  −
                </button>
                <span className="mono rg-qty-value" aria-live="polite">
                  {p.quantity}
                </span>
                <button type="button" className="rg-btn rg-icon" aria-label={`Increase quantity of ${name}`} onClick={() => whatIf.setQuantity(p.id, p.quantity + 1)}>
                  +
                </button>
              </span>
              <button type="button" className="rg-btn rg-icon" aria-label={`Remove ${name}`} onClick={() => whatIf.remove(p.id)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
});

interface RangeFieldProps {
  id: string;
  label: string;
  testId: string;
  range: SliderRange;
  value: number;
  disabled?: boolean;
  /** What a screen reader announces for the value. */
  valueText: string;
  /** The value as shown beside the slider. */
  shown: string;
  onChange: (value: number) => void;
  /** Controls after the value (reset buttons, hints). */
  children?: ReactNode;
}

/** One labelled what-if slider with its value readout. */
function RangeField({ id, label, testId, range, value, disabled, valueText, shown, onChange, children }: RangeFieldProps) {
  return (
    <div className="rg-slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        data-testid={testId}
        min={range.min}
        max={range.max}
        step={range.step}
        value={value}
        disabled={disabled}
        aria-valuetext={valueText}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output className="mono" htmlFor={id}>
        {shown}
      </output>
      {children}
    </div>
  );
}
