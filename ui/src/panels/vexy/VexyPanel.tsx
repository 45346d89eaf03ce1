import { memo, useMemo, useRef, useState } from 'react';
import { useFeed } from '../../stores/hooks';
import { vexyKey, type VexyItem } from '../../stores/workspace-stores';
import { absoluteTime, isoTime, relativeTime } from '../../text/relative-time';
import { useNow } from '../../text/use-now';
import { useWorkspace } from '../../workspace/workspace-context';
import { useScrollAnchor } from '../intel/use-scroll-anchor';
import '../intel/feed.css';
import './vexy.css';

/** Relative times are refreshed together, by one timer for the panel. */
const TICK_MS = 15_000;

/** A row's identity, as the vexy store keys it: the producer's seq, else time and text. */

/** Vexy's play-by-play commentary, newest first. */
export function VexyPanel() {
  const { stores, symbol } = useWorkspace();
  const items = useFeed(stores.vexy);
  return <VexyView items={items} symbol={symbol} />;
}

export interface VexyViewProps {
  /** Newest first. */
  items: readonly VexyItem[];
  /** The workspace symbol, for the "only this symbol" toggle. */
  symbol: string;
}

/** The panel from its items alone (react-dom/server can render this; the container reads the store). */
export function VexyView({ items, symbol }: VexyViewProps) {
  const now = useNow(TICK_MS);
  const [onlySymbol, setOnlySymbol] = useState(false);
  const visible = useMemo(() => (onlySymbol ? items.filter((v) => v.symbol === undefined || v.symbol === symbol) : items), [items, onlySymbol, symbol]);
  const listRef = useRef<HTMLOListElement>(null);
  useScrollAnchor(listRef, visible);
  return (
    <div className="feed-panel vexy-panel" data-testid="vexy">
      <header className="panel-header">
        <button
          type="button"
          className="vexy-only"
          aria-pressed={onlySymbol}
          title={`Show only commentary about ${symbol} and the whole market`}
          onClick={() => setOnlySymbol((v) => !v)}
        >
          Only {symbol}
        </button>
      </header>
      {/* Focusable so the keyboard can scroll it. */}
      <ol className="feed-list" ref={listRef} tabIndex={0} aria-label="Vexy commentary, newest first">
        {visible.map((item) => (
          <VexyRow key={vexyKey(item)} item={item} now={now} />
        ))}
        {visible.length === 0 && <li className="feed-empty">{onlySymbol ? `Nothing about ${symbol} yet.` : 'Waiting for commentary…'}</li>}
      </ol>
    </div>
  );
}

const VexyRow = memo(function VexyRow({ item, now }: { item: VexyItem; now: number }) {
  const kind = item.kind !== undefined && item.kind.trim() !== '' ? item.kind : 'note';
  return (
    <li className="feed-item vexy-item" data-testid="vexy-item" data-seq={item.seq} data-anchor={vexyKey(item)}>
      <div className="feed-meta">
        <span className="vexy-kind" data-kind={kind}>
          {kind}
        </span>
        {item.symbol !== undefined && <span className="vexy-symbol">{item.symbol}</span>}
        <time className="feed-time" dateTime={isoTime(item.ts)} title={absoluteTime(item.ts)}>
          {relativeTime(item.ts, now)}
        </time>
      </div>
      {/* Producer text is only ever text: React escapes it. */}
      <p className="vexy-text">{item.text}</p>
    </li>
  );
});
