import { explainIdea, hasOptions, type HeatmapTile } from '@marketswarm/shared/models';
import { CONTRACT_MULTIPLIER } from '@marketswarm/shared/pricing';
import { memo, useCallback, useId, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useKeyed, useKeyedThrottled } from '../../stores/hooks';
import { useWorkspace } from '../../workspace/workspace-context';
import { familyName, tradeName, tradeTitle } from '../heatmap/heatmap-format';
import { heatmapSelectionFor, useHeatmapSelection } from '../heatmap/heatmap-selection';
import { NoOptions } from '../heatmap/NoOptions';
import { formatPremium } from '../heatmap/premium-format';
import { describeTileKey } from './describe-tile-key';
import { ideasForSelection } from './ideas-for-selection';
import { rankIdeas } from './rank-ideas';
import './selector.css';

const score = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export const formatScore = (value: number): string => score.format(value).replace('-', '−');
/** Reward/risk, or ∞ when the profit is unbounded. */
export const formatRewardRisk = (rr: number | null): string => (rr === null ? '∞' : rr.toFixed(2));

/** How often a moving spot re-ranks the ideas (their distance from spot changes their score). */
export const IDEAS_RERANK_MS = 1000;

/** One row of the list: a tile key, its score and, when the heatmap holds it, the tile. */
export interface IdeaRowModel {
  key: string;
  score: number;
  tile: HeatmapTile | undefined;
}

/** What the list is ranked from: the heatmap's tiles for the trader's pick, or the producer's feed. */
export type IdeaSource = { kind: 'heatmap'; family: string; dte: number | undefined } | { kind: 'producer' };

/** A row's name without `Try`: the tile's trade when known, else the key spelled out, else the key. */
export function ideaName(row: Pick<IdeaRowModel, 'key' | 'tile'>): string {
  if (row.tile !== undefined) return tradeTitle(row.tile);
  const d = describeTileKey(row.key);
  return d === undefined ? row.key : `${d.label.charAt(0).toLowerCase()}${d.label.slice(1)}`;
}

/** Why a row scores what it does, in words. */
export function ideaWhy(row: Pick<IdeaRowModel, 'tile'>, spot: number | undefined): string {
  if (row.tile === undefined) return 'Ranked by the ideas feed; the heatmap has not priced this trade yet.';
  if (spot === undefined) return 'Waiting for the spot price to score it.';
  return explainIdea(row.tile, spot);
}

/**
 * Trade ideas for the workspace symbol, ranked from the heatmap's tiles for the family and DTE the
 * trader picked there (the producer's `selector` feed only while the heatmap is empty), each with
 * its price, reward/risk, why it scores what it does, and a Try button that adds it to the what-ifs.
 */
export function SelectorPanel() {
  const { symbol } = useWorkspace();
  if (!hasOptions(symbol)) {
    return (
      <SelectorView symbol={symbol} rows={undefined} source={{ kind: 'producer' }} spot={undefined} onTry={() => undefined}>
        <NoOptions symbol={symbol} what="trade ideas" />
      </SelectorView>
    );
  }
  return <SelectorBody />;
}

function SelectorBody() {
  const { stores, whatIf, symbol } = useWorkspace();
  const selection = useHeatmapSelection(heatmapSelectionFor(whatIf));
  const getChange = useCallback(() => stores.heatmap.changeVersion(symbol), [stores.heatmap, symbol]);
  const change = useSyncExternalStore(stores.heatmap.changes.subscribe, getChange, getChange);
  const spot = useKeyedThrottled(stores.spot, symbol, IDEAS_RERANK_MS)?.price;
  const producer = useKeyed(stores.selector, symbol);

  const { rows, source } = useMemo((): { rows: IdeaRowModel[] | undefined; source: IdeaSource } => {
    void change; // the tiles map is mutated in place: `change` says when to read it again
    const tiles = stores.heatmap.tiles(symbol);
    if (tiles !== undefined && tiles.size > 0 && spot !== undefined) {
      const picked = ideasForSelection(tiles.values(), spot, selection);
      return {
        rows: picked.ideas.map((i) => ({ key: i.tile.key, score: i.score.score, tile: i.tile })),
        source: { kind: 'heatmap', family: picked.family === undefined ? 'all spreads' : familyName(picked.family), dte: picked.dte },
      };
    }
    if (producer === undefined) return { rows: undefined, source: { kind: 'producer' } };
    return { rows: rankIdeas(producer.ideas).map((i) => ({ key: i.tile, score: i.score, tile: stores.heatmap.tile(symbol, i.tile) })), source: { kind: 'producer' } };
  }, [change, stores.heatmap, symbol, spot, selection, producer]);

  const [added, setAdded] = useState('');
  const onTry = useCallback(
    (tile: HeatmapTile) => {
      whatIf.add(symbol, tile);
      setAdded(`Added ${symbol} ${tradeName(tile)} to the risk graph.`);
    },
    [whatIf, symbol],
  );
  return <SelectorView symbol={symbol} rows={rows} source={source} spot={spot} status={added} onTry={onTry} />;
}

export interface SelectorViewProps {
  symbol: string;
  /** Ranked best first; undefined until there is anything to rank. */
  rows: readonly IdeaRowModel[] | undefined;
  source: IdeaSource;
  spot: number | undefined;
  /** Announced politely (what the last Try did). */
  status?: string;
  onTry: (tile: HeatmapTile) => void;
  /** Shown instead of the list (a symbol without options). */
  children?: ReactNode;
}

/** The panel from its rows alone (react-dom/server can render this; the container reads the stores). */
export function SelectorView({ symbol, rows, source, spot, status = '', onTry, children }: SelectorViewProps) {
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const active = rows?.find((r) => r.key === activeKey) ?? rows?.[0];
  const activeRank = active === undefined || rows === undefined ? 0 : rows.indexOf(active) + 1;
  const whyText = active === undefined ? 'Point at an idea to see why it scores what it does.' : `#${activeRank} ${ideaName(active)}: ${ideaWhy(active, spot)}`;
  const caption = source.kind === 'heatmap' ? `${source.family}${source.dte === undefined ? '' : ` · ${source.dte}DTE`}` : 'from the ideas feed';
  return (
    <div className="selector-panel" data-testid="selector" data-source={source.kind}>
      <header className="panel-header selector-header">
        <span className="selector-symbol">{symbol}</span>
        {children === undefined && (
          <span className="selector-caption" data-testid="selector-caption">
            {caption}
          </span>
        )}
        {/* What the last Try did: in the header's free space, so it never takes a row from the list. */}
        <span className="selector-status" role="status" title={status || undefined}>
          {status}
        </span>
      </header>
      {children ?? (
        <>
          <div className="selector-scroll">
            <table className="selector-table">
              <thead>
                <tr>
                  <th scope="col" className="selector-rank">
                    #
                  </th>
                  <th scope="col">Idea</th>
                  <th scope="col" className="selector-num" title="Reward/risk discounted by the distance from spot">
                    Score
                  </th>
                  <th scope="col" className="selector-num" title="Market mid at the exchange tick, points per lot (× 100 for dollars); cr = credit received">
                    Price
                  </th>
                  <th scope="col" className="selector-num" title="Reward / risk">
                    R/R
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows?.map((row, i) => (
                  <IdeaRowView key={row.key} symbol={symbol} row={row} rank={i + 1} why={ideaWhy(row, spot)} onTry={onTry} onActivate={setActiveKey} />
                ))}
              </tbody>
            </table>
            {(rows === undefined || rows.length === 0) && (
              <p className="selector-empty">{rows === undefined ? `Waiting for ideas for ${symbol}…` : `No ${caption} ideas for ${symbol} right now.`}</p>
            )}
          </div>
          <p className="selector-why" data-testid="idea-why" data-tile={active?.key} title={whyText}>
            {whyText}
          </p>
        </>
      )}
    </div>
  );
}

export interface IdeaRowViewProps {
  symbol: string;
  row: IdeaRowModel;
  rank: number;
  why: string;
  onTry: (tile: HeatmapTile) => void;
  /** The row was pointed at or focused: the panel shows its why. */
  onActivate: (key: string) => void;
}

export const IdeaRowView = memo(function IdeaRowView({ symbol, row, rank, why, onTry, onActivate }: IdeaRowViewProps) {
  const whyId = useId();
  const { tile } = row;
  const name = ideaName(row);
  const label = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return (
    <tr
      className="selector-idea"
      data-testid="selector-idea"
      data-tile={row.key}
      data-rank={rank}
      data-known={tile !== undefined}
      onMouseEnter={() => onActivate(row.key)}
      onFocus={() => onActivate(row.key)}
    >
      <td className="selector-rank">{rank}</td>
      <th scope="row" className="selector-label" title={label}>
        {label}
        <span id={whyId} className="visually-hidden">
          {why}
        </span>
      </th>
      <td className="selector-num" title={why}>
        {formatScore(row.score)}
      </td>
      <td className="selector-num" title={tile ? `${dollars.format(Math.abs(tile.debit) * CONTRACT_MULTIPLIER)} per lot ${tile.debit < 0 ? 'received' : 'paid'}` : undefined}>
        {tile ? formatPremium(symbol, tile.debit) : '—'}
      </td>
      <td className="selector-num" title={tile?.rewardRisk === null ? 'Unbounded profit' : undefined}>
        {tile ? formatRewardRisk(tile.rewardRisk) : '—'}
      </td>
      <td className="selector-action">
        <button
          type="button"
          className="selector-try"
          disabled={tile === undefined}
          aria-label={`Try ${name}`}
          aria-describedby={whyId}
          title={tile ? `Add ${name} to the what-if positions` : 'Not in the heatmap yet'}
          onClick={() => {
            if (tile) onTry(tile);
          }}
        >
          Try
        </button>
      </td>
    </tr>
  );
});
