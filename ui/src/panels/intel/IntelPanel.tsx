import { memo, useCallback, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useFeed } from '../../stores/hooks';
import type { KeyedStore } from '../../stores/keyed-store';
import type { IntelItem, SpotQuote } from '../../stores/workspace-stores';
import { absoluteTime, isoTime, relativeTime } from '../../text/relative-time';
import { ExternalLink, SafeHtml } from '../../text/safe-text';
import { useNow } from '../../text/use-now';
import { useWorkspace } from '../../workspace/workspace-context';
import { filterIntel } from './intel-filter';
import { useScrollAnchor } from './use-scroll-anchor';
import './feed.css';
import './intel.css';

/** Relative times are refreshed together, by one timer for the panel. */
const TICK_MS = 15_000;

export interface IntelPanelProps {
  /**
   * Symbols a ticker chip can switch the workspace to. Default: every symbol the market stream
   * quotes (the spot store's keys) and the workspace symbol.
   */
  watchlist?: readonly string[];
}

/** Space-separated symbols with a spot quote; a string, so spot ticks re-render nothing. */
function useQuotedSymbols(store: KeyedStore<SpotQuote>): string {
  const get = useCallback(() => [...store.getAll().keys()].sort().join(' '), [store]);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** The symbols a ticker chip may switch to: the given watchlist, else the quoted ones; always the current one. */
export function watchedSymbols(watchlist: readonly string[] | undefined, quoted: readonly string[], current: string): ReadonlySet<string> {
  return new Set([...(watchlist ?? quoted), current]);
}

/**
 * News and research items, newest first, filterable by title, source or ticker. Summaries are
 * sanitized producer HTML clamped to three lines; ticker chips of watched symbols switch the
 * workspace. The list has a fixed height and keeps the reader's place while items stream in.
 */
export function IntelPanel({ watchlist }: IntelPanelProps) {
  const workspace = useWorkspace();
  const { stores, symbol } = workspace;
  const onTicker = useCallback((ticker: string) => workspace.setSymbol(ticker), [workspace]);
  const items = useFeed(stores.intel);
  const quoted = useQuotedSymbols(stores.spot);
  const watched = useMemo(() => watchedSymbols(watchlist, quoted === '' ? [] : quoted.split(' '), symbol), [watchlist, quoted, symbol]);
  return <IntelView items={items} watched={watched} symbol={symbol} onTicker={onTicker} />;
}

export interface IntelViewProps {
  /** Newest first. */
  items: readonly IntelItem[];
  watched: ReadonlySet<string>;
  /** The workspace symbol (its chip is shown pressed). */
  symbol: string;
  onTicker: (symbol: string) => void;
}

/** The panel from its items alone (the container reads the stores; react-dom/server can render this). */
export function IntelView({ items, watched, symbol, onTicker }: IntelViewProps) {
  const now = useNow(TICK_MS);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const visible = useMemo(() => filterIntel(items, deferredQuery), [items, deferredQuery]);

  const listRef = useRef<HTMLOListElement>(null);
  useScrollAnchor(listRef, visible);

  const filtering = deferredQuery.trim() !== '';
  return (
    <div className="feed-panel intel-panel" data-testid="intel">
      <header className="panel-header">
        <input
          type="search"
          className="feed-filter"
          placeholder="Filter by title, source or ticker"
          aria-label="Filter intel by title, source or ticker"
          data-testid="intel-filter"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
        <span className="feed-count" title="Items shown">
          {filtering ? `${visible.length} of ${items.length}` : items.length}
        </span>
      </header>
      {/* Focusable so the keyboard can scroll it. */}
      <ol className="feed-list" ref={listRef} tabIndex={0} aria-label="Intel items, newest first">
        {visible.map((item) => (
          <IntelRow key={item.id} item={item} now={now} watched={watched} current={symbol} onTicker={onTicker} />
        ))}
        {visible.length === 0 && <li className="feed-empty">{filtering ? 'No items match the filter.' : 'Waiting for intel…'}</li>}
      </ol>
    </div>
  );
}

interface IntelRowProps {
  item: IntelItem;
  now: number;
  watched: ReadonlySet<string>;
  current: string;
  onTicker: (symbol: string) => void;
}

const IntelRow = memo(function IntelRow({ item, now, watched, current, onTicker }: IntelRowProps) {
  const at = item.published ?? item.ts;
  const tickers = item.tickers ?? [];
  return (
    <li
      className={item.sample === true ? 'feed-item intel-item intel-item-sample' : 'feed-item intel-item'}
      data-testid="intel-item"
      data-id={item.id}
      data-seq={item.seq}
      data-anchor={item.id}
      data-sample={item.sample === true ? 'true' : undefined}
    >
      <div className="feed-meta">
        {item.sample === true && <SampleBadge />}
        <span className="intel-source">{item.source}</span>
        <time className="feed-time" dateTime={isoTime(at)} title={absoluteTime(at)}>
          {relativeTime(at, now)}
        </time>
      </div>
      <h3 className="intel-title">
        <ExternalLink href={item.link} className="intel-link">
          {item.title}
        </ExternalLink>
      </h3>
      {tickers.length > 0 && (
        <ul className="intel-tickers" aria-label="Tickers">
          {tickers.map((ticker) => (
            <li key={ticker}>
              {watched.has(ticker) ? (
                <button
                  type="button"
                  className="intel-chip intel-chip-action"
                  aria-pressed={ticker === current}
                  title={ticker === current ? `${ticker} is the workspace symbol` : `Show ${ticker} in the workspace`}
                  onClick={() => onTicker(ticker)}
                >
                  {ticker}
                </button>
              ) : (
                <span className="intel-chip">{ticker}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {item.summary !== undefined && item.summary.trim() !== '' && <Summary html={item.summary} />}
    </li>
  );
});

/** Marks the offline sample the producer writes when no feed is configured: a reader must never take it for news. */
function SampleBadge() {
  return (
    <span className="intel-sample" data-testid="intel-sample" title="Offline sample written around the simulated market when no news feed is configured">
      Sample<span className="visually-hidden"> data, not news:</span>
    </span>
  );
}

/** A summary clamped to three lines, with a More/Less toggle when it is longer. */
function Summary({ html }: { html: string }) {
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();

  // Measured before paint, so the toggle never appears after the row was drawn.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !expanded) setOverflows(el.scrollHeight > el.clientHeight + 1);
  }, [html, expanded]);

  return (
    <>
      <SafeHtml html={html} id={id} ref={ref} className={expanded ? 'intel-summary' : 'intel-summary intel-summary-clamped'} />
      {(overflows || expanded) && (
        <button type="button" className="feed-link-button" aria-expanded={expanded} aria-controls={id} onClick={() => setExpanded((v) => !v)}>
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
    </>
  );
}
