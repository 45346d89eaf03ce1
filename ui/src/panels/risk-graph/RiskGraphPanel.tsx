import type { AlertDto, SavedPositionDto } from '@marketswarm/shared/dto';
import { useCallback, useId, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { SPOT_REDRAW_MS, useKeyedThrottled } from '../../stores/hooks';
import { legMids } from '../../risk/risk-forms';
import type { WhatIfPosition } from '../../risk/what-if-store';
import { useWorkspace } from '../../workspace/workspace-context';
import { describeTile, tradeName } from '../heatmap/heatmap-format';
import { clamp } from '../../charts/scale';
import { RiskChart } from './RiskChart';
import { RiskBookList } from './RiskBookList';
import { journalRiskActions, type Outcome, type RiskActions } from './risk-actions';
import { bookSize, drawnPositions, riskBook } from './risk-book';
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
  roundCents,
  spotSlider,
  type Scenario,
  type SliderRange,
} from './risk-scenario';
import './risk-graph.css';

/**
 * Risk graph of the workspace symbol's positions — the journal's open trades, the trader's saved
 * positions and the page's what-ifs, each switchable — as one book: P&L at expiry and today
 * (Black–Scholes at the sliders' days forward and IV) across spot, with what-if spot, days and IV
 * sliders, and a price alert a click away at each breakeven. Follows the live spot (redrawn at most
 * every SPOT_REDRAW_MS) until the trader moves the spot slider.
 */
export function RiskGraphPanel({ actions: given }: { actions?: RiskActions } = {}) {
  const { stores, whatIf, symbol } = useWorkspace();
  const whatIfs = useSyncExternalStore(whatIf.subscribe, whatIf.getPositions, whatIf.getPositions);
  const open = useSyncExternalStore(whatIf.subscribe, whatIf.getOpen, whatIf.getOpen);
  const saved = useSyncExternalStore(whatIf.subscribe, whatIf.getSaved, whatIf.getSaved);
  const hidden = useSyncExternalStore(whatIf.subscribe, whatIf.getHidden, whatIf.getHidden);
  const [defaultActions] = useState(() => journalRiskActions(whatIf));
  const actions = given ?? defaultActions;
  const whatIfName = useCallback((p: WhatIfPosition) => `${p.symbol} ${tradeName(p.tile)}`, []);
  const book = useMemo(() => riskBook({ whatIfs, open, saved, whatIfName }, symbol), [whatIfs, open, saved, whatIfName, symbol]);
  const positions = useMemo(() => drawnPositions(book, hidden), [book, hidden]);
  const quote = useKeyedThrottled(stores.spot, symbol, SPOT_REDRAW_MS);
  // The log form's prices start at the legs' live mids, read from the heatmap when it opens (not kept live: the trader edits them).
  const midsOf = useCallback((p: SavedPositionDto) => legMids(p.legs, stores.heatmap.tiles(symbol)?.values()), [stores.heatmap, symbol]);
  const describeWhatIf = useCallback((p: WhatIfPosition) => describeTile(p.symbol, p.tile), []);
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

  const list = <RiskBookList book={book} hidden={hidden} whatIf={whatIf} actions={actions} midsOf={midsOf} describeWhatIf={describeWhatIf} />;
  if (scenario === undefined || whatIfSpot === undefined || spotRange === undefined) {
    const empty = bookSize(book) === 0;
    return (
      <div className="risk-graph" data-testid="risk-graph" data-breakevens="" data-symbol={symbol}>
        <p className="muted rg-empty">{empty ? 'Click a heatmap tile to try a position.' : 'Nothing to draw: switch a position on to see its risk.'}</p>
        {empty ? null : list}
      </div>
    );
  }

  const following = spotOverride === null;
  const onBreakevenAlert = (level: number) => actions.breakevenAlert(symbol, level, liveSpot, positions.map((p) => p.sourceId));
  return (
    <div className="risk-graph" data-testid="risk-graph" data-breakevens={breakevensAttr(scenario.breakevens)} data-symbol={symbol}>
      <Summary scenario={scenario} whatIfSpot={whatIfSpot} onBreakevenAlert={onBreakevenAlert} />
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
      {list}
    </div>
  );
}

const money = (v: number | null): string => (v === null ? 'unlimited' : formatMoney(v));
const tone = (v: number): string => (roundCents(v) > 0 ? 'up' : roundCents(v) < 0 ? 'down' : '');

interface SummaryProps {
  scenario: Scenario;
  whatIfSpot: number;
  onBreakevenAlert: (level: number) => Promise<Outcome<AlertDto>>;
}

function Summary({ scenario, whatIfSpot, onBreakevenAlert }: SummaryProps) {
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
        <dd className="mono">{breakevens.length === 0 ? 'none' : <BreakevenAlerts breakevens={breakevens} onAlert={onBreakevenAlert} />}</dd>
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

/**
 * Each breakeven with a bell: a click sets a price alert at that level (once; the alert manager
 * edits it). The result is said in a live region beside the levels.
 */
function BreakevenAlerts({ breakevens, onAlert }: { breakevens: readonly number[]; onAlert: (level: number) => Promise<Outcome<AlertDto>> }) {
  const [status, setStatus] = useState<{ level: string; text: string } | null>(null);
  const [set, setSet] = useState<ReadonlySet<string>>(() => new Set());
  const alert = async (level: number): Promise<void> => {
    const shown = level.toFixed(2);
    setStatus({ level: shown, text: `Setting an alert at ${shown}…` });
    const outcome = await onAlert(level);
    if (outcome.ok) setSet((s) => new Set([...s, shown]));
    setStatus({ level: shown, text: outcome.ok ? `Alert set at ${shown}.` : `No alert at ${shown}: ${outcome.message}` });
  };
  return (
    <span className="rg-breakevens">
      {breakevens.map((b, i) => {
        const shown = b.toFixed(2);
        return (
          <span key={i} className="rg-breakeven-item">
            {shown}
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
        {status?.text ?? ''}
      </span>
    </span>
  );
}

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
