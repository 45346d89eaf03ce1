import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { hasOptions, type HeatmapTile } from '@marketswarm/shared/models';
import { useHeatmapStructure, useKeyed, useTile } from '../../stores/hooks';
import type { HeatmapStore } from '../../stores/heatmap-store';
import type { KeyedStore } from '../../stores/keyed-store';
import type { SpotQuote } from '../../stores/workspace-stores';
import type { WorkspaceCommands } from '../../workspace/workspace-commands';
import { useWorkspace } from '../../workspace/workspace-context';
import { cellColour } from './heatmap-colour';
import { cellLabel, familyName, formatCellValue, formatStrike, tradeName, widthLabel } from './heatmap-format';
import {
  FAMILIES,
  SIDES,
  atmCell,
  buildLayout,
  cellKey,
  familyHasSide,
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
import { heatmapSelectionFor, useHeatmapSelection } from './heatmap-selection';
import { inRiskKeys } from './in-risk-keys';
import { NoOptions } from './NoOptions';
import { tooltipRows, tooltipTitle } from './tile-tooltip';
import { placeTooltip, TooltipTarget } from './tooltip-target';
import './heatmap.css';

const COLOUR_BY: readonly { value: ColourBy; label: string; title: string }[] = [
  { value: 'debit', label: 'Price', title: 'Colour by price' },
  { value: 'rewardRisk', label: 'R/R', title: 'Colour by reward/risk' },
];

/** Short button labels; the full name is each button's title. */
const FAMILY_LABEL: Readonly<Record<StrategyFamily, string>> = { butterfly: 'fly', 'iron-fly': 'iron fly', bwb: 'BWB', vertical: 'vertical', single: 'single' };

/**
 * Options heatmap for the workspace symbol. The grid's rows and columns are rebuilt only when the
 * store's structure changes (snapshot, tiles added or removed); each cell subscribes to its own tile,
 * so a diff re-renders only the cells it touches. Clicking a cell adds the trade to the what-if list.
 * The strategy, side and DTE picked live in the workspace's heatmap selection, which the ideas follow.
 */
export function HeatmapPanel() {
  const { symbol } = useWorkspace();
  if (!hasOptions(symbol)) {
    return (
      <div className="heatmap" data-testid="heatmap" data-symbol={symbol}>
        <NoOptions symbol={symbol} what="options heatmap" />
      </div>
    );
  }
  return <HeatmapBody />;
}

function HeatmapBody() {
  const { stores, whatIf, symbol, commands } = useWorkspace();
  const structure = useHeatmapStructure(stores.heatmap);
  const selectionStore = heatmapSelectionFor(whatIf);
  const { family, side, dte: dteChoice } = useHeatmapSelection(selectionStore);
  const [colourBy, setColourBy] = useState<ColourBy>('debit');

  const tiles = stores.heatmap.tiles(symbol);
  const layout = useMemo(
    () => (tiles === undefined ? undefined : buildLayout(tiles.values(), { family, side, dte: dteChoice })),
    // `structure` changes whenever the grid's rows or columns may have (the tiles map is mutated in place).
    [tiles, structure, family, side, dteChoice],
  );

  const positions = useSyncExternalStore(whatIf.subscribe, whatIf.getPositions, whatIf.getPositions);
  const saved = useSyncExternalStore(whatIf.subscribe, whatIf.getSaved, whatIf.getSaved);
  const inRisk = useMemo(() => inRiskKeys(symbol, positions, saved), [symbol, positions, saved]);

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

  const hasSide = familyHasSide(family);
  const familyLabel = familyName(family);
  return (
    <div className="heatmap" data-testid="heatmap" data-symbol={symbol}>
      <div className="hm-controls" role="group" aria-label={`${symbol} heatmap controls`}>
        <Segmented<StrategyFamily>
          label="Strategy"
          options={FAMILIES.map((f) => ({ value: f, label: FAMILY_LABEL[f], title: familyName(f) }))}
          value={family}
          onChange={(f) => selectionStore.set({ family: f })}
        />
        <Segmented<Side>
          label="Side"
          options={SIDES.map((s) => ({ value: s, label: s }))}
          value={side}
          onChange={(s) => selectionStore.set({ side: s })}
          disabled={!hasSide}
          title={hasSide ? undefined : 'An iron fly sells the call and the put at one strike: it has no side'}
        />
        <label className="hm-field">
          <span className="hm-field-label">DTE</span>
          <select
            className="hm-select mono"
            value={layout?.dte ?? ''}
            disabled={layout === undefined || layout.dtes.length === 0}
            onChange={(e) => selectionStore.set({ dte: Number(e.target.value) })}
          >
            {layout?.dtes.map((d) => (
              <option key={d} value={d}>
                {d}DTE
              </option>
            ))}
          </select>
        </label>
        <Segmented<ColourBy> label="Colour" showLabel options={COLOUR_BY} value={colourBy} onChange={setColourBy} />
        <SpotReadout spot={stores.spot} symbol={symbol} />
      </div>
      {layout === undefined ? (
        <p className="muted hm-empty" role="status">
          waiting for the heatmap…
        </p>
      ) : layout.strikes.length === 0 ? (
        <p className="muted hm-empty" role="status">
          No {familyLabel}
          {hasSide ? ` ${side}` : ''} tiles for {symbol}.
        </p>
      ) : (
        <HeatmapGrid
          heatmap={stores.heatmap}
          spot={stores.spot}
          symbol={symbol}
          family={family}
          layout={layout}
          colourBy={colourBy}
          inRisk={inRisk}
          commands={commands}
          onPick={pick}
        />
      )}
      <p className="hm-legend" data-testid="hm-legend">
        <span>
          <span className="mono">cr</span> credit received
        </span>
        <span>
          <span className="hm-mark-sample" aria-hidden="true">
            ●
          </span>{' '}
          in the risk graph
        </span>
        <span>prices at the exchange tick, points per lot (× 100 = $)</span>
      </p>
      <p className="visually-hidden" role="status">
        {added}
      </p>
    </div>
  );
}

interface SegmentedProps<T extends string> {
  label: string;
  options: readonly { value: T; label: string; title?: string }[];
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
  title?: string | undefined;
  /** Show the label beside the buttons; otherwise it names the group for assistive technology only (the buttons say it). */
  showLabel?: boolean;
}

/** A labelled group of toggle buttons (one pressed). */
function Segmented<T extends string>({ label, options, value, onChange, disabled = false, title, showLabel = false }: SegmentedProps<T>) {
  return (
    <fieldset className="hm-segmented" disabled={disabled} title={title}>
      <legend className={showLabel ? 'hm-field-label hm-field-label-shown' : 'hm-field-label'}>{label}</legend>
      {options.map((o) => (
        <button key={o.value} type="button" className="hm-seg" aria-pressed={o.value === value} title={o.title} onClick={() => onChange(o.value)}>
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
      <span className="hm-spot-label">{symbol} spot</span>
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

/** Index of the row nearest spot; re-renders its reader only when that row changes, not per tick. */
function useAtmRow(spot: KeyedStore<SpotQuote>, symbol: string, strikes: readonly number[]): number {
  const get = useCallback(() => nearestStrikeIndex(strikes, spot.get(symbol)?.price), [spot, symbol, strikes]);
  return useSyncExternalStore(spot.subscribe, get, get);
}

interface GridProps {
  heatmap: HeatmapStore;
  spot: KeyedStore<SpotQuote>;
  symbol: string;
  family: StrategyFamily;
  layout: HeatmapLayout;
  colourBy: ColourBy;
  /** Keys of the tiles that stand in the risk graph. */
  inRisk: ReadonlySet<string>;
  commands: WorkspaceCommands;
  onPick: (key: string) => void;
}

const HeatmapGrid = memo(function HeatmapGrid({ heatmap, spot, symbol, family, layout, colourBy, inRisk, commands, onPick }: GridProps) {
  const scope = useId();
  const tooltipId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const tip = useMemo(() => new TooltipTarget(), []);
  const { strikes, widths } = layout;
  const atmRow = useAtmRow(spot, symbol, strikes);

  const keyAt = useCallback(
    (pos: GridPos): string | undefined => {
      const strike = strikes[pos.row];
      const width = widths[pos.col];
      return strike === undefined || width === undefined ? undefined : cellKey(layout, strike, width);
    },
    [layout, strikes, widths],
  );
  const has = useCallback(
    (pos: GridPos): boolean => {
      const key = keyAt(pos);
      return key !== undefined && layout.keys.has(key);
    },
    [keyAt, layout.keys],
  );

  // The roving tab stop: the last focused cell while it exists, else the cell at the money, so the
  // first Tab into the grid lands where a trader looks first.
  const active = useMemo((): GridPos | undefined => {
    if (activeKey !== undefined && layout.keys.has(activeKey)) {
      for (let row = 0; row < strikes.length; row++) for (let col = 0; col < widths.length; col++) if (keyAt({ row, col }) === activeKey) return { row, col };
    }
    return atmCell(strikes.length, widths.length, atmRow, has);
  }, [activeKey, layout.keys, strikes.length, widths.length, keyAt, has, atmRow]);

  const focusCell = useCallback(
    (pos: GridPos) => {
      setActiveKey(keyAt(pos));
      scrollRef.current?.querySelector<HTMLElement>(`[data-row="${pos.row}"][data-col="${pos.col}"]`)?.focus();
    },
    [keyAt],
  );

  // Shortcuts: jump to the money (with the spot of now, not of the last render), add the tab stop's tile.
  const latest = useRef({ active, focusCell, has, keyAt, onPick, strikes, widths });
  useEffect(() => {
    latest.current = { active, focusCell, has, keyAt, onPick, strikes, widths };
  });
  useEffect(() => {
    const offAtm = commands.on('heatmap.focus-atm', () => {
      const l = latest.current;
      const pos = atmCell(l.strikes.length, l.widths.length, nearestStrikeIndex(l.strikes, spot.get(symbol)?.price), l.has);
      if (pos !== undefined) l.focusCell(pos);
    });
    const offAdd = commands.on('heatmap.add-focused', () => {
      const l = latest.current;
      const key = l.active === undefined ? undefined : l.keyAt(l.active);
      if (key !== undefined) l.onPick(key);
    });
    return () => {
      offAtm();
      offAdd();
    };
  }, [commands, spot, symbol]);

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
    // Marks that the grid has stopped moving for this view: a click aimed before that could land on
    // the row the scroll brings under the pointer (tests wait for it before clicking a tile).
    el.dataset.centredOn = view;
  }, [symbol, layout, strikes, spot]);

  const cellOf = (target: EventTarget | null): HTMLElement | null => (target instanceof Element ? target.closest<HTMLElement>('[data-tile]') : null);

  // The tooltip is fixed to the viewport, so it floats over the neighbouring panels instead of being
  // cut by this one's edge when the panel is short.
  const pointTo = (cell: HTMLElement | null): void => {
    const key = cell?.dataset.tile;
    if (cell === null || key === undefined) return tip.hide();
    const box = cell.getBoundingClientRect();
    tip.show({ key, top: box.top, bottom: box.bottom, left: box.left, panelWidth: window.innerWidth, panelHeight: window.innerHeight });
  };

  const onClick = (e: MouseEvent<HTMLDivElement>): void => {
    const key = cellOf(e.target)?.dataset.tile;
    if (key !== undefined) onPick(key);
  };
  const onFocus = (e: FocusEvent<HTMLDivElement>): void => {
    const cell = cellOf(e.target);
    const key = cell?.dataset.tile;
    if (key !== undefined && key !== activeKey) setActiveKey(key);
    pointTo(cell);
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>): void => {
    if (cellOf(e.relatedTarget) === null) tip.hide();
  };
  const onPointerOver = (e: PointerEvent<HTMLDivElement>): void => pointTo(cellOf(e.target));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const cell = cellOf(e.target);
    if (cell === null) return;
    if (e.key === 'Escape') {
      tip.hide();
      return;
    }
    if (!isGridKey(e.key)) return;
    const from = { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
    const to = moveFocus(from, e.key, strikes.length, widths.length, has);
    e.preventDefault();
    if (to.row !== from.row || to.col !== from.col) focusCell(to);
  };

  const domain = layout.domains[colourBy];
  return (
    <>
      <div className="hm-scroll" ref={scrollRef} data-scroll-x data-hm-scope={scope} onPointerLeave={() => tip.hide()} onScroll={() => tip.hide()}>
        <SpotRowMark spot={spot} symbol={symbol} strikes={strikes} scope={scope} />
        <div
          className="hm-grid"
          role="grid"
          aria-label={`${symbol} ${familyName(family)} tiles, ${layout.dte ?? 0}DTE, ${colourBy === 'debit' ? 'price' : 'reward/risk'}`}
          aria-rowcount={strikes.length + 1}
          aria-colcount={widths.length + 1}
          onClick={onClick}
          onFocus={onFocus}
          onBlur={onBlur}
          onPointerOver={onPointerOver}
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
              {widths.map((width, col) => {
                const key = cellKey(layout, strike, width);
                return (
                  <HeatmapCell
                    key={width}
                    store={heatmap}
                    symbol={symbol}
                    tileKey={key}
                    row={row}
                    col={col}
                    tabbable={active !== undefined && active.row === row && active.col === col}
                    colourBy={colourBy}
                    domain={domain}
                    inRisk={inRisk.has(key)}
                    tooltipId={tooltipId}
                  />
                );
              })}
            </div>
          ))}
        </div>
      </div>
      <HeatmapTooltip id={tooltipId} tip={tip} store={heatmap} symbol={symbol} />
    </>
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
  inRisk: boolean;
  tooltipId: string;
}

/** One cell: subscribes to its own tile, so only the cells a diff touches re-render. */
const HeatmapCell = memo(function HeatmapCell({ store, symbol, tileKey, row, col, tabbable, colourBy, domain, inRisk, tooltipId }: CellProps) {
  const tile: HeatmapTile | undefined = useTile(store, symbol, tileKey);
  if (tile === undefined) return <div className="hm-cell hm-hole" role="gridcell" />;
  const { background, color } = cellColour(tileValue(tile, colourBy), domain, colourBy);
  const label = cellLabel(symbol, tile) + (inRisk ? ', in the risk graph' : '');
  return (
    <div className="hm-cell" role="gridcell" data-in-risk={inRisk ? 'true' : undefined}>
      <button
        type="button"
        className="hm-btn mono"
        data-tile={tileKey}
        data-row={row}
        data-col={col}
        tabIndex={tabbable ? 0 : -1}
        aria-label={label}
        aria-describedby={tooltipId}
        style={{ background, color }}
      >
        {inRisk && (
          <span className="hm-mark" aria-hidden="true">
            ●
          </span>
        )}
        {formatCellValue(symbol, tile, colourBy)}
      </button>
    </div>
  );
});

/** The grid's one tooltip: follows the hovered or focused cell, and that cell's live tile. */
const HeatmapTooltip = memo(function HeatmapTooltip({ id, tip, store, symbol }: { id: string; tip: TooltipTarget; store: HeatmapStore; symbol: string }) {
  const anchor = useSyncExternalStore(tip.subscribe, tip.get, tip.get);
  const tile = useTile(store, symbol, anchor?.key ?? '');
  const show = anchor !== undefined && tile !== undefined;
  const place = anchor === undefined ? undefined : placeTooltip(anchor);
  return (
    <div id={id} role="tooltip" className="hm-tooltip" data-testid="hm-tooltip" hidden={!show} style={place === undefined ? undefined : { top: place.top, left: place.left }}>
      {show && (
        <>
          <p className="hm-tooltip-title">{tooltipTitle(symbol, tile)}</p>
          <dl className="hm-tooltip-rows">
            {tooltipRows(symbol, tile).map((r) => (
              <div key={r.label}>
                <dt>{r.label}</dt>
                <dd>{r.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
});
