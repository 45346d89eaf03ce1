import type { SavedPositionDto } from '@marketswarm/shared/dto';
import {
  breakevenTouches,
  expectedMove,
  expiryDateOf,
  legGreeks,
  payoffAtExpiry,
  pnlTable,
  probabilityOfProfit,
  spotSliderRange,
  tableDates,
  tablePrices,
  yearsBetween,
  type HeatmapTile,
  type PositionLeg,
} from '@marketswarm/shared/models';
import { CONTRACT_MULTIPLIER, DIVIDEND_YIELD, RISK_FREE_RATE } from '@marketswarm/shared/pricing';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { SPOT_REDRAW_MS, useKeyedThrottled } from '../../stores/hooks';
import { legMids } from '../../risk/risk-forms';
import { spreadPrice } from '../../risk/leg-edit';
import { whatIfSpreadLegs } from '../../risk/risk-position';
import type { WhatIfPosition } from '../../risk/what-if-store';
import { addCurveDate, curveDateLabel, curveDatePresets, liveCurveDates, removeCurveDate } from '../../risk/curve-dates';
import { axisSpots, buildCurves } from '../../risk/risk-curves';
import { useAlertLevels } from '../../risk/use-alert-levels';
import { useWorkspace } from '../../workspace/workspace-context';
import { tradeName } from '../heatmap/heatmap-format';
import { clamp } from '../../charts/scale';
import { RiskChart } from './RiskChart';
import { RiskBookList } from './RiskBookList';
import { journalRiskActions, type RiskActions } from './risk-actions';
import { bookPositions, bookSize, drawnPositions, riskBook } from './risk-book';
import { breakevensAttr, buildScenario, daysSlider, daysToFirstExpiry, defaultVol, fallbackSpot, roundCents } from './risk-scenario';
import { RiskSummary } from './RiskSummary';
import { RiskSliders } from './RiskSliders';
import { GreeksTable, type GreeksRow } from './GreeksTable';
import { CurveDateChooser } from './CurveDateChooser';
import { useRiskAxis } from './use-risk-axis';
import { riskAxisKeys } from './risk-axis-keys';
import { ZOOM_STEP } from './risk-chart-gestures';
import { registerRiskCommands } from './risk-commands';
import './risk-graph.css';

/** Rows and columns of the P&L table. */
const TABLE_PRICES = 17;
const TABLE_DATES = 6;

type View = 'chart' | 'table';

// Opened on demand, so they stay out of the workspace's first load.
const PnlTableView = lazy(() => import('./PnlTableView').then((m) => ({ default: m.PnlTableView })));
const TemplateForm = lazy(() => import('./TemplateForm').then((m) => ({ default: m.TemplateForm })));
const loading = <p className="rg-hint">Loading…</p>;

const legLabel = (l: PositionLeg): string => `${l.quantity > 0 ? '+' : ''}${l.quantity} ${l.type === 'call' ? 'C' : 'P'} ${l.strike} ${expiryDateOf(l.expiry).slice(5)}`;

/**
 * Risk graph of the workspace symbol's positions — the journal's open trades, the trader's saved
 * positions and the page's what-ifs, each switchable — as one book: the chart (or the P&L table)
 * beside a side column with the summary, the what-if sliders, the greeks and the positions list.
 * The axis fits the positions (±1.5 expected moves, breakevens inside) until the trader zooms or
 * pans; the chart shows today (at the sliders), up to three chosen dates and the expiry. Follows
 * the live spot (redrawn at most every SPOT_REDRAW_MS) until the trader moves the spot slider.
 */
export function RiskGraphPanel({ actions: given }: { actions?: RiskActions } = {}) {
  const { stores, whatIf, symbol, commands, settings } = useWorkspace();
  const whatIfs = useSyncExternalStore(whatIf.subscribe, whatIf.getPositions, whatIf.getPositions);
  const open = useSyncExternalStore(whatIf.subscribe, whatIf.getOpen, whatIf.getOpen);
  const saved = useSyncExternalStore(whatIf.subscribe, whatIf.getSaved, whatIf.getSaved);
  const hidden = useSyncExternalStore(whatIf.subscribe, whatIf.getHidden, whatIf.getHidden);
  const [defaultActions] = useState(() => journalRiskActions(whatIf));
  const actions = given ?? defaultActions;
  const whatIfName = useCallback((p: WhatIfPosition) => {
    const base = p.name ?? (p.tile === undefined ? 'position' : tradeName(p.tile));
    return `${p.symbol} ${base}${p.legs !== undefined && p.name === undefined ? ' (edited)' : ''}`;
  }, []);
  const book = useMemo(() => riskBook({ whatIfs, open, saved, whatIfName }, symbol), [whatIfs, open, saved, whatIfName, symbol]);
  const positions = useMemo(() => drawnPositions(book, hidden), [book, hidden]);
  const quote = useKeyedThrottled(stores.spot, symbol, SPOT_REDRAW_MS);
  // The log form's prices start at the legs' live mids, read from the heatmap when it opens (not kept live: the trader edits them).
  const midsOf = useCallback((p: SavedPositionDto) => legMids(p.legs, stores.heatmap.tiles(symbol)?.values()), [stores.heatmap, symbol]);
  const legMidsOf = useCallback(
    (legs: readonly PositionLeg[]) => legMids(legs.map((l) => ({ expiry: expiryDateOf(l.expiry), strike: l.strike, right: l.type })), stores.heatmap.tiles(symbol)?.values()),
    [stores.heatmap, symbol],
  );
  const describeWhatIf = useCallback((p: WhatIfPosition) => `${whatIfName(p)}: ${p.quantity} × net ${spreadPrice(whatIfSpreadLegs(p)).toFixed(2)}`, [whatIfName]);
  const [mountedAt] = useState(() => Date.now());
  // The trader's slider choices belong to the symbol they were made on; another symbol starts afresh.
  const [spotChoice, setSpotChoice] = useState<{ symbol: string; value: number } | null>(null);
  const [daysForward, setDaysForward] = useState(0);
  const [volChoice, setVolChoice] = useState<{ symbol: string; value: number } | null>(null);
  const [chosenDates, setChosenDates] = useState<number[]>([]);
  const [view, setView] = useState<View>('chart');
  const [creating, setCreating] = useState(false);
  const spotOverride = spotChoice?.symbol === symbol ? spotChoice.value : null;
  const volOverride = volChoice?.symbol === symbol ? volChoice.value : null;
  const alerts = useAlertLevels(symbol);

  // The clock of the market data: the live quote's event time (so P&L today matches the quotes).
  const now = quote?.ts ?? mountedAt;
  const liveSpot = quote?.price;
  const baseSpot = liveSpot ?? fallbackSpot(positions);
  const vol = volOverride ?? defaultVol(positions);
  const maxDays = daysToFirstExpiry(positions, now);
  const daysRange = daysSlider(maxDays);
  const days = clamp(daysForward, 0, daysRange.max);
  const strikes = useMemo(() => [...new Set(positions.flatMap((p) => p.legs.map((l) => l.strike)))].sort((a, b) => a - b), [positions]);
  const firstExpiry = useMemo(() => positions.flatMap((p) => p.legs.map((l) => l.expiry)).reduce<number | undefined>((a, e) => (a === undefined || e < a ? e : a), undefined), [positions]);
  const years = firstExpiry === undefined ? 0 : yearsBetween(now, firstExpiry);
  const move = baseSpot === undefined ? 0 : expectedMove(baseSpot, vol, years);
  const spotRange = baseSpot === undefined ? undefined : spotSliderRange(baseSpot, move, strikes);
  const whatIfSpot = spotRange === undefined || baseSpot === undefined ? undefined : clamp(spotOverride ?? baseSpot, spotRange.min, spotRange.max);

  const scenario = useMemo(
    // The scenario gives the readouts (breakevens, extremes, P&L at the what-if spot); the curves are sampled over the
    // axis below. Its expiry line is piecewise linear with the strikes sampled, so two grid points keep the breakevens exact.
    () => (whatIfSpot === undefined ? undefined : buildScenario({ positions, liveSpot, whatIfSpot, daysForward: days, vol, now, points: 2 })),
    [positions, liveSpot, whatIfSpot, days, vol, now],
  );

  // Fitted again when the symbol, the drawn options or whether live spot is known change — not on every tick, nor on a quantity.
  const liveKnown = liveSpot !== undefined;
  const axisKeys = useMemo(() => riskAxisKeys(symbol, bookPositions(book), positions, liveKnown), [symbol, book, positions, liveKnown]);
  const riskAxis = useRiskAxis({ keys: axisKeys, spot: baseSpot ?? 1, vol, years, breakevens: scenario?.breakevens ?? [], strikes });
  const { axis, zoom, reset: resetAxis, set: setAxis } = riskAxis;

  useEffect(
    () =>
      registerRiskCommands(commands, {
        zoomIn: () => zoom(ZOOM_STEP, (axis.from + axis.to) / 2),
        zoomOut: () => zoom(1 / ZOOM_STEP, (axis.from + axis.to) / 2),
        zoomReset: resetAxis,
        toggleTable: () => setView((v) => (v === 'chart' ? 'table' : 'chart')),
      }),
    [commands, zoom, resetAxis, axis],
  );

  const legs = scenario?.legs;
  const dates = useMemo(
    () => liveCurveDates(chosenDates, scenario?.market.now ?? now, firstExpiry).map((at) => ({ at, label: curveDateLabel(at, now, settings.timezone) })),
    [chosenDates, scenario?.market.now, now, firstExpiry, settings.timezone],
  );
  const drawing = useMemo(() => {
    if (scenario === undefined || legs === undefined) return undefined;
    const spots = axisSpots(axis, strikes);
    const curves = buildCurves({ legs, spots, today: scenario.market, dates, expiry: firstExpiry });
    const positionLines = positions.length > 1 ? positions.map((p) => ({ id: p.id, kind: p.kind, name: p.name, expiry: spots.map((s) => payoffAtExpiry(p.legs, s, CONTRACT_MULTIPLIER)) })) : [];
    return { spots, curves, positionLines };
  }, [scenario, legs, axis, strikes, dates, firstExpiry, positions]);

  const analysis = useMemo(() => {
    if (scenario === undefined || legs === undefined || whatIfSpot === undefined) return undefined;
    const greeks = legGreeks(legs, whatIfSpot, scenario.market, CONTRACT_MULTIPLIER);
    const rows: GreeksRow[] = legs.map((l, i) => ({ id: `${i}`, label: legLabel(l), greeks: greeks.legs[i] ?? { delta: 0, gamma: 0, theta: 0, vega: 0 } }));
    const valuedAt = scenario.market.now;
    const left = firstExpiry === undefined ? 0 : yearsBetween(valuedAt, firstExpiry);
    const pop = probabilityOfProfit(legs, whatIfSpot, vol, valuedAt, { rate: RISK_FREE_RATE, dividendYield: DIVIDEND_YIELD, multiplier: CONTRACT_MULTIPLIER });
    const touches = breakevenTouches(scenario.breakevens, whatIfSpot, vol, left).map((t) => t.touch);
    return { rows, total: greeks.total, pop: Number.isFinite(pop) ? pop : undefined, touches };
  }, [scenario, legs, whatIfSpot, vol, firstExpiry]);

  const table = useMemo(() => {
    if (view !== 'table' || scenario === undefined || legs === undefined || whatIfSpot === undefined || firstExpiry === undefined || spotRange === undefined) return undefined;
    const at = tableDates(now, firstExpiry, TABLE_DATES);
    // Rows on the index's strike grid (5 points for SPX and NDX, 1 for the ETFs), spread over the axis.
    const prices = tablePrices(axis, whatIfSpot, whatIfSpot >= 1000 ? 5 : 1, TABLE_PRICES);
    const { now: _valuedAt, ...market } = scenario.market;
    const cells = pnlTable(legs, prices, at, market, CONTRACT_MULTIPLIER);
    const tableDatesShown = at.map((t) => ({ at: t, label: t >= firstExpiry ? 'expiry' : curveDateLabel(t, now, settings.timezone).replace(/^T\+ /, '') }));
    return { prices, dates: tableDatesShown, cells };
  }, [view, scenario, legs, whatIfSpot, firstExpiry, spotRange, now, axis, settings.timezone]);

  const positionIds = positions.map((p) => p.sourceId);
  const alertAt = async (level: number, source: 'breakeven' | 'chart-level'): Promise<{ ok: boolean; message?: string }> => {
    const outcome = await actions.levelAlert(symbol, level, liveSpot, source, positionIds);
    if (outcome.ok) alerts.added(outcome.value);
    return outcome.ok ? { ok: true } : { ok: false, message: outcome.message };
  };
  const onLevelAlert = (level: number): void => {
    const breakeven = scenario?.breakevens.some((b) => Math.abs(b - level) < 0.005) ?? false;
    void alertAt(level, breakeven ? 'breakeven' : 'chart-level');
  };

  const tiles = (): HeatmapTile[] => [...(stores.heatmap.tiles(symbol)?.values() ?? [])];
  const newPosition = creating ? (
    <Suspense fallback={loading}>
      <TemplateForm
        symbol={symbol}
        tiles={tiles()}
        spot={liveSpot}
        now={now}
        onCreate={(p) => {
          whatIf.addLegs({ symbol, name: p.name, legs: p.legs, quantity: p.quantity, iv: vol });
          setCreating(false);
        }}
        onClose={() => setCreating(false)}
      />
    </Suspense>
  ) : null;
  const positionsColumn = (
    <section className="rg-positions-col" data-testid="rg-positions" aria-label="Positions">
      <div className="rg-positions-toolbar">
        <button type="button" className="rg-btn" data-testid="rg-new-position" aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
          New position…
        </button>
      </div>
      {newPosition}
      <RiskBookList book={book} hidden={hidden} whatIf={whatIf} actions={actions} midsOf={midsOf} describeWhatIf={describeWhatIf} legMidsOf={legMidsOf} />
    </section>
  );

  if (scenario === undefined || whatIfSpot === undefined || spotRange === undefined || baseSpot === undefined || drawing === undefined) {
    const empty = bookSize(book) === 0;
    return (
      <div className="risk-graph" data-testid="risk-graph" data-breakevens="" data-symbol={symbol}>
        <p className="muted rg-empty">{empty ? 'Click a heatmap tile, or build a position from a template, to try it.' : 'Nothing to draw: switch a position on to see its risk.'}</p>
        {positionsColumn}
      </div>
    );
  }

  const presets = curveDatePresets(scenario.market.now, firstExpiry);
  return (
    <div className="risk-graph" data-testid="risk-graph" data-breakevens={breakevensAttr(scenario.breakevens)} data-symbol={symbol} data-axis-from={roundCents(axis.from).toFixed(2)} data-axis-to={roundCents(axis.to).toFixed(2)}>
      <div className="rg-layout">
        <div className="rg-main">
          <div className="rg-toolbar">
            <div className="rg-tabs" role="group" aria-label="Risk view">
              <button type="button" className="rg-btn rg-tab" data-testid="rg-view-chart" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
                Chart
              </button>
              <button type="button" className="rg-btn rg-tab" data-testid="rg-view-table" aria-pressed={view === 'table'} onClick={() => setView('table')}>
                Table
              </button>
            </div>
            <CurveDateChooser presets={presets} chosen={dates} onAdd={(at) => setChosenDates((c) => addCurveDate(c, at))} onRemove={(at) => setChosenDates((c) => removeCurveDate(c, at))} />
          </div>
          {view === 'chart' || table === undefined ? (
            <RiskChart
              spots={drawing.spots}
              curves={drawing.curves}
              positionLines={drawing.positionLines}
              axis={axis}
              breakevens={scenario.breakevens}
              alertLevels={alerts.levels}
              expectedMove={move > 0 ? { from: baseSpot - move, to: baseSpot + move } : undefined}
              liveSpot={liveSpot}
              whatIfSpot={whatIfSpot}
              onAxisChange={setAxis}
              onAxisReset={resetAxis}
              onLevelAlert={onLevelAlert}
            />
          ) : (
            <Suspense fallback={loading}>
              <PnlTableView prices={table.prices} dates={table.dates} cells={table.cells} spot={whatIfSpot} />
            </Suspense>
          )}
        </div>
        <div className="rg-side">
          <RiskSliders
            spotRange={spotRange}
            whatIfSpot={whatIfSpot}
            following={spotOverride === null}
            liveKnown={liveSpot !== undefined}
            onSpot={(value) => setSpotChoice({ symbol, value })}
            onFollow={() => setSpotChoice(null)}
            daysRange={daysRange}
            days={days}
            maxDays={maxDays}
            onDays={setDaysForward}
            vol={vol}
            volChanged={volOverride !== null}
            onVol={(value) => setVolChoice({ symbol, value })}
            onVolReset={() => setVolChoice(null)}
          />
          <RiskSummary scenario={scenario} whatIfSpot={whatIfSpot} pop={analysis?.pop} touches={analysis?.touches ?? []} onBreakevenAlert={(level) => alertAt(level, 'breakeven')} />
          {positionsColumn}
          {analysis !== undefined && <GreeksTable rows={analysis.rows} total={analysis.total} />}
        </div>
      </div>
    </div>
  );
}
