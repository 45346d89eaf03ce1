import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { HeatmapTile } from '@marketswarm/shared/models';
import { useHeatmapStructure, useKeyed, useTile } from '../../stores/hooks';
import type { HeatmapStore } from '../../stores/heatmap-store';
import type { KeyedStore } from '../../stores/keyed-store';
import type { SpotQuote } from '../../stores/workspace-stores';
import { useWorkspace } from '../../workspace/workspace-context';
import { cellColour } from './heatmap-colour';
import { describeTile, formatCellValue, formatStrike, tradeName, widthLabel } from './heatmap-format';
import {
  FAMILIES,
  SIDES,
  buildLayout,
  cellKey,
  firstCell,
  isGridKey,
  moveFocus,
  nearestStrikeIndex,
  tileValue,
  type ColourBy,
  type GridPos,
  type HeatmapLayout,
  type Side,
  type StrategyFamily,
  type ValueDomain,
} from './heatmap-layout';
import './heatmap.css';

const COLOUR_BY: readonly { value: ColourBy; label: string }[] = [
  { value: 'debit', label: 'Debit' },
  { value: 'rewardRisk', label: 'Reward/risk' },
];

/**
 * Options heatmap for the workspace symbol. The grid's rows and columns are rebuilt only when the
 * store's structure changes (snapshot, tiles added or removed); each cell subscribes to its own tile,
 * so a diff re-renders only the cells it touches. Clicking a cell adds the trade to the what-if list.
 */
export function HeatmapPanel() {
  const { stores, whatIf, symbol } = useWorkspace();
  const structure = useHeatmapStructure(stores.heatmap);
  const [family, setFamily] = useState<StrategyFamily>('butterfly');
  const [side, setSide] = useState<Side>('call');
  const [dteChoice, setDteChoice] = useState<number | undefined>(undefined);
  const [colourBy, setColourBy] = useState<ColourBy>('debit');

  const tiles = stores.heatmap.tiles(symbol);
  const layout = useMemo(
    () => (tiles === undefined ? undefined : buildLayout(tiles.values(), { family, side, dte: dteChoice })),
    // `structure` changes whenever the grid's rows or columns may have (the tiles map is mutated in place).
    [tiles, structure, family, side, dteChoice],
  );

  const [added, setAdded] = useState('');
  const pick = useCallback(
    (key: string) => {
      const tile = stores.heatmap.tile(symbol, key);
      if (tile === undefined) return;
      whatIf.add(symbol, tile);
      setAdded(`Added ${symbol} ${tradeName(tile)} to the risk graph.`);
    },
    [stores.heatmap, whatIf, symbol],
  );

  return (
    <div className="heatmap" data-testid="heatmap" data-symbol={symbol}>
      <div className="hm-controls" role="group" aria-label={`${symbol} heatmap controls`}>
        <Segmented<StrategyFamily> label="Strategy" options={FAMILIES.map((f) => ({ value: f, label: f }))} value={family} onChange={setFamily} />
        <Segmented<Side> label="Side" options={SIDES.map((s) => ({ value: s, label: s }))} value={side} onChange={setSide} />
        <label className="hm-field">
          <span className="hm-field-label">DTE</span>
          <select
            className="hm-select mono"
            value={layout?.dte ?? ''}
            disabled={layout === undefined || layout.dtes.length === 0}
            onChange={(e) => setDteChoice(Number(e.target.value))}
          >
            {layout?.dtes.map((d) => (
              <option key={d} value={d}>
                {d}DTE
              </option>
            ))}
          </select>
        </label>
        <Segmented<ColourBy> label="Colour by" options={COLOUR_BY} value={colourBy} onChange={setColourBy} />
        <SpotReadout spot={stores.spot} symbol={symbol} />
      </div>
      {layout === undefined ? (
        <p className="muted hm-empty" role="status">
          waiting for the heatmap…
        </p>
      ) : layout.strikes.length === 0 ? (
        <p className="muted hm-empty" role="status">
          No {family} {side} tiles for {symbol}.
        </p>
      ) : (
        <HeatmapGrid
          heatmap={stores.heatmap}
          spot={stores.spot}
          symbol={symbol}
          family={family}
          layout={layout}
          colourBy={colourBy}
          onPick={pick}
        />
      )}
      <p className="hm-sr" role="status">
        {added}
      </p>
    </div>
  );
}

interface SegmentedProps<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

/** A labelled group of toggle buttons (one pressed). */
function Segmented<T extends string>({ label, options, value, onChange }: SegmentedProps<T>) {
  return (
    <fieldset className="hm-segmented">
      <legend className="hm-field-label">{label}</legend>
      {options.map((o) => (
        <button key={o.value} type="button" className="hm-seg" aria-pressed={o.value === value} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}

/** The live spot, in the header; only this re-renders per spot tick. */
const SpotReadout = memo(function SpotReadout({ spot, symbol }: { spot: KeyedStore<SpotQuote>; symbol: string }) {
  const quote = useKeyed(spot, symbol);
  return (
    <span className="hm-spot">
      <span className="hm-field-label">{symbol} spot</span>
      <span className="mono">{quote === undefined ? '—' : quote.price.toFixed(2)}</span>
    </span>
  );
});

/** The style rule that marks, inside one grid, the row nearest the spot price ('' when there is none). */
export function spotRowRule(scope: string, strikes: readonly number[], price: number | undefined): string {
  const strike = strikes[nearestStrikeIndex(strikes, price)];
  return strike === undefined ? '' : `[data-hm-scope="${scope}"] .hm-row[data-strike="${strike}"]{--hm-spot:1}`;
}

/**
 * Marks the row nearest the live spot with a scoped style rule, so a spot tick never re-renders the
 * grid. The rule lives in a constructed stylesheet: the page's CSP refuses inline <style> elements.
 */
const SpotRowMark = memo(function SpotRowMark({ spot, symbol, strikes, scope }: { spot: KeyedStore<SpotQuote>; symbol: string; strikes: readonly number[]; scope: string }) {
  const quote = useKeyed(spot, symbol);
  const rule = spotRowRule(scope, strikes, quote?.price);
  const sheet = useMemo(() => (typeof CSSStyleSheet === 'undefined' ? undefined : new CSSStyleSheet()), []);
  useEffect(() => {
    if (sheet === undefined) return;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [sheet]);
  useEffect(() => sheet?.replaceSync(rule), [sheet, rule]);
  return null;
});

interface GridProps {
  heatmap: HeatmapStore;
  spot: KeyedStore<SpotQuote>;
  symbol: string;
  family: StrategyFamily;
  layout: HeatmapLayout;
  colourBy: ColourBy;
  onPick: (key: string) => void;
}

const HeatmapGrid = memo(function HeatmapGrid({ heatmap, spot, symbol, family, layout, colourBy, onPick }: GridProps) {
  const scope = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const { strikes, widths } = layout;

  const keyAt = useCallback((pos: GridPos): string | undefined => {
    const strike = strikes[pos.row];
    const width = widths[pos.col];
    return strike === undefined || width === undefined ? undefined : cellKey(layout, strike, width);
  }, [layout, strikes, widths]);
  const has = useCallback((pos: GridPos): boolean => {
    const key = keyAt(pos);
    return key !== undefined && layout.keys.has(key);
  }, [keyAt, layout.keys]);

  // The roving tab stop: the last focused cell while it exists, else the first cell.
  const active = useMemo((): GridPos | undefined => {
    if (activeKey !== undefined && layout.keys.has(activeKey)) {
      for (let row = 0; row < strikes.length; row++) for (let col = 0; col < widths.length; col++) if (keyAt({ row, col }) === activeKey) return { row, col };
    }
    return firstCell(strikes.length, widths.length, has);
  }, [activeKey, layout.keys, strikes.length, widths.length, keyAt, has]);

  // Scroll the spot's row into view when the view (symbol, strategy, DTE) changes, not on every snapshot.
  const scrolledView = useRef<string | undefined>(undefined);
  useEffect(() => {
    const view = `${symbol}|${layout.strategy}|${layout.dte}`;
    const el = scrollRef.current;
    const price = spot.get(symbol)?.price;
    if (el === null || scrolledView.current === view || price === undefined) return;
    const strike = strikes[nearestStrikeIndex(strikes, price)];
    const row = el.querySelector<HTMLElement>(`.hm-row[data-strike="${strike}"]`);
    if (row === null) return;
    scrolledView.current = view;
    el.scrollTop = Math.max(0, row.offsetTop - el.clientHeight / 2 + row.offsetHeight / 2);
  }, [symbol, layout, strikes, spot]);

  const cellOf = (target: EventTarget): HTMLElement | null => (target instanceof Element ? target.closest<HTMLElement>('[data-tile]') : null);

  const onClick = (e: MouseEvent<HTMLDivElement>): void => {
    const key = cellOf(e.target)?.dataset.tile;
    if (key !== undefined) onPick(key);
  };
  const onFocus = (e: FocusEvent<HTMLDivElement>): void => {
    const key = cellOf(e.target)?.dataset.tile;
    if (key !== undefined && key !== activeKey) setActiveKey(key);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const cell = cellOf(e.target);
    if (cell === null || !isGridKey(e.key)) return;
    const from = { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
    const to = moveFocus(from, e.key, strikes.length, widths.length, has);
    e.preventDefault();
    if (to.row === from.row && to.col === from.col) return;
    const next = keyAt(to);
    setActiveKey(next);
    scrollRef.current?.querySelector<HTMLElement>(`[data-row="${to.row}"][data-col="${to.col}"]`)?.focus();
  };

  const domain = layout.domains[colourBy];
  return (
    <div className="hm-scroll" ref={scrollRef} data-hm-scope={scope}>
      <SpotRowMark spot={spot} symbol={symbol} strikes={strikes} scope={scope} />
      <div
        className="hm-grid"
        role="grid"
        aria-label={`${symbol} ${family} tiles, ${layout.dte ?? 0}DTE, ${colourBy === 'debit' ? 'debit' : 'reward/risk'}`}
        aria-rowcount={strikes.length + 1}
        aria-colcount={widths.length + 1}
        onClick={onClick}
        onFocus={onFocus}
        onKeyDown={onKeyDown}
      >
        <div className="hm-row hm-head" role="row">
          <div className="hm-corner" role="columnheader">
            strike
          </div>
          {widths.map((w) => (
            <div key={w} className="hm-colhead mono" role="columnheader">
              {widthLabel(family, w)}
            </div>
          ))}
        </div>
        {strikes.map((strike, row) => (
          <div key={strike} className="hm-row" role="row" data-strike={strike}>
            <div className="hm-strike mono" role="rowheader">
              {formatStrike(strike)}
            </div>
            {widths.map((width, col) => (
              <HeatmapCell
                key={width}
                store={heatmap}
                symbol={symbol}
                tileKey={cellKey(layout, strike, width)}
                row={row}
                col={col}
                tabbable={active !== undefined && active.row === row && active.col === col}
                colourBy={colourBy}
                domain={domain}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
});

interface CellProps {
  store: HeatmapStore;
  symbol: string;
  tileKey: string;
  row: number;
  col: number;
  tabbable: boolean;
  colourBy: ColourBy;
  domain: ValueDomain | undefined;
}

/** One cell: subscribes to its own tile, so only the cells a diff touches re-render. */
const HeatmapCell = memo(function HeatmapCell({ store, symbol, tileKey, row, col, tabbable, colourBy, domain }: CellProps) {
  const tile: HeatmapTile | undefined = useTile(store, symbol, tileKey);
  if (tile === undefined) return <div className="hm-cell hm-hole" role="gridcell" />;
  const { background, color } = cellColour(tileValue(tile, colourBy), domain, colourBy);
  const label = describeTile(symbol, tile);
  return (
    <div className="hm-cell" role="gridcell">
      <button
        type="button"
        className="hm-btn mono"
        data-tile={tileKey}
        data-row={row}
        data-col={col}
        tabIndex={tabbable ? 0 : -1}
        title={label}
        aria-label={label}
        style={{ background, color }}
      >
        {formatCellValue(tile, colourBy)}
      </button>
    </div>
  );
});
