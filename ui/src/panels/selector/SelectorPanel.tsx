import type { HeatmapTile } from '@marketswarm/shared/models';
import { CONTRACT_MULTIPLIER } from '@marketswarm/shared/pricing';
import { memo, useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import type { HeatmapStore } from '../../stores/heatmap-store';
import { useKeyed, useTile } from '../../stores/hooks';
import { useWorkspace } from '../../workspace/workspace-context';
import { describeTileKey } from './describe-tile-key';
import { rankIdeas, type SelectorIdea } from './rank-ideas';
import './selector.css';

const score = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const points = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export const formatScore = (value: number): string => score.format(value).replace('-', '−');
/** Debit in index points per lot (× 100 for dollars). */
export const formatDebit = (debit: number): string => points.format(debit);
/** Reward/risk, or ∞ when the profit is unbounded. */
export const formatRewardRisk = (rr: number | null): string => (rr === null ? '∞' : rr.toFixed(2));

const labelOf = (key: string): string => describeTileKey(key)?.label ?? key;

/**
 * Trade ideas for the workspace symbol, best first, each with its heatmap tile's debit and
 * reward/risk when the heatmap holds the tile, and a Try button that adds it to the what-if positions.
 */
export function SelectorPanel() {
  const { stores, whatIf, symbol } = useWorkspace();
  const state = useKeyed(stores.selector, symbol);
  const [added, setAdded] = useState('');
  const onTry = useCallback(
    (tile: HeatmapTile) => {
      whatIf.add(symbol, tile);
      setAdded(`Added ${labelOf(tile.key)} to what-if.`);
    },
    [whatIf, symbol],
  );
  const renderRow = useCallback(
    (idea: SelectorIdea, rank: number) => <IdeaRow key={idea.tile} heatmap={stores.heatmap} symbol={symbol} idea={idea} rank={rank} onTry={onTry} />,
    [stores.heatmap, symbol, onTry],
  );
  return <SelectorView symbol={symbol} ideas={state?.ideas} status={added} renderRow={renderRow} />;
}

export interface SelectorViewProps {
  symbol: string;
  /** The producer's ideas for `symbol`; undefined until the first arrive. */
  ideas: readonly SelectorIdea[] | undefined;
  /** Announced politely (what the last Try did). */
  status?: string;
  /** One `<tr>` per idea (the container's rows read their tile from the heatmap store). */
  renderRow: (idea: SelectorIdea, rank: number) => ReactNode;
}

/** The panel from its ideas alone (react-dom/server can render this; the container reads the stores). */
export function SelectorView({ symbol, ideas, status = '', renderRow }: SelectorViewProps) {
  const ranked = useMemo(() => rankIdeas(ideas), [ideas]);
  return (
    <div className="selector-panel" data-testid="selector">
      <header className="panel-header">
        <span className="selector-symbol">{symbol}</span>
      </header>
      <div className="selector-scroll">
        <table className="selector-table">
          <thead>
            <tr>
              <th scope="col" className="selector-rank">
                #
              </th>
              <th scope="col">Idea</th>
              <th scope="col" className="selector-num">
                Score
              </th>
              <th scope="col" className="selector-num" title="Debit in index points per lot (× 100 for dollars)">
                Debit
              </th>
              <th scope="col" className="selector-num" title="Reward / risk">
                R/R
              </th>
              <th scope="col">
                <span className="selector-sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>{ranked.map((idea, i) => renderRow(idea, i + 1))}</tbody>
        </table>
        {ranked.length === 0 && <p className="selector-empty">{ideas === undefined ? `Waiting for ideas for ${symbol}…` : `No ideas for ${symbol} right now.`}</p>}
      </div>
      <p className="selector-status" role="status">
        {status}
      </p>
    </div>
  );
}

interface IdeaRowProps {
  heatmap: HeatmapStore;
  symbol: string;
  idea: SelectorIdea;
  rank: number;
  onTry: (tile: HeatmapTile) => void;
}

/** A row that follows its own heatmap tile: only it re-renders when a diff touches the tile. */
const IdeaRow = memo(function IdeaRow({ heatmap, symbol, idea, rank, onTry }: IdeaRowProps) {
  const tile = useTile(heatmap, symbol, idea.tile);
  return <IdeaRowView idea={idea} rank={rank} tile={tile} onTry={onTry} />;
});

export interface IdeaRowViewProps {
  idea: SelectorIdea;
  rank: number;
  /** The idea's heatmap tile, when the heatmap holds it. */
  tile: HeatmapTile | undefined;
  onTry: (tile: HeatmapTile) => void;
}

export function IdeaRowView({ idea, rank, tile, onTry }: IdeaRowViewProps) {
  const labelId = useId();
  const label = labelOf(idea.tile);
  return (
    <tr className="selector-idea" data-testid="selector-idea" data-tile={idea.tile} data-rank={rank} data-known={tile !== undefined}>
      <td className="selector-rank">{rank}</td>
      <th scope="row" className="selector-label" id={labelId} title={idea.tile}>
        {label}
      </th>
      <td className="selector-num">{formatScore(idea.score)}</td>
      <td className="selector-num" title={tile ? `${dollars.format(tile.debit * CONTRACT_MULTIPLIER)} per lot` : undefined}>
        {tile ? formatDebit(tile.debit) : '—'}
      </td>
      <td className="selector-num" title={tile?.rewardRisk === null ? 'Unbounded profit' : undefined}>
        {tile ? formatRewardRisk(tile.rewardRisk) : '—'}
      </td>
      <td className="selector-action">
        <button
          type="button"
          className="selector-try"
          disabled={tile === undefined}
          aria-describedby={labelId}
          title={tile ? `Add ${label} to the what-if positions` : 'Not in the heatmap yet'}
          onClick={() => {
            if (tile) onTry(tile);
          }}
        >
          Try
        </button>
      </td>
    </tr>
  );
}
