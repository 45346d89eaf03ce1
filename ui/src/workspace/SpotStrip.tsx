import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useKeyedAll } from '../stores/hooks';
import type { SpotQuote } from '../stores/workspace-stores';
import { useWorkspace } from './workspace-context';
import { formatChange, formatPrice } from '../format/number';
import { rovingIndex } from './roving';

export const FIRST_TICK_MARK = 'ms:first-tick';

/** The header's symbols in the order the chips show them (and the 1–6 shortcuts count them). */
export function headerSymbols(quotes: ReadonlyMap<string, SpotQuote>): string[] {
  return [...quotes.keys()].sort((a, b) => a.localeCompare(b));
}

/**
 * Live spot for every streamed symbol; a chip selects the workspace symbol. The chips are one Tab
 * stop (a roving tabindex): ←/→ move between them and Enter selects, so a keyboard user passes the
 * header in a few stops on the way to the panels.
 */
export function SpotStrip() {
  const { stores, symbol, setSymbol } = useWorkspace();
  const all = useKeyedAll(stores.spot);
  const quotes = headerSymbols(all).flatMap((s) => all.get(s) ?? []);
  const hasQuotes = quotes.length > 0;
  const chips = useRef<(HTMLButtonElement | null)[]>([]);
  const selectedAt = Math.max(
    0,
    quotes.findIndex((q) => q.symbol === symbol),
  );
  // The chip that holds the Tab stop: the one last moved to (by symbol: a new symbol's chip may
  // arrive and shift the others), else the selected one.
  const [focused, setFocused] = useState<string | undefined>(undefined);
  const focusedAt = quotes.findIndex((q) => q.symbol === focused);
  const stopAt = focusedAt >= 0 ? focusedAt : selectedAt;
  useEffect(() => {
    // Navigation → first live price on screen, read by `npm run bench:ui`.
    if (hasQuotes && performance.getEntriesByName(FIRST_TICK_MARK).length === 0) performance.mark(FIRST_TICK_MARK);
  }, [hasQuotes]);
  if (quotes.length === 0) return <div className="spot-strip muted">Waiting for prices…</div>;
  const onKeyDown = (event: KeyboardEvent) => {
    const next = rovingIndex(stopAt, event.key, quotes.length);
    if (next === undefined) return;
    event.preventDefault();
    setFocused(quotes[next]?.symbol);
    chips.current[next]?.focus();
  };
  return (
    <div className="spot-strip" role="toolbar" aria-label="Watched symbols" data-testid="symbol-strip" data-scroll-x onKeyDown={onKeyDown}>
      {quotes.map((q, i) => (
        <SpotButton
          key={q.symbol}
          ref={(el) => {
            chips.current[i] = el;
          }}
          quote={q}
          selected={q.symbol === symbol}
          tabStop={i === stopAt}
          onSelect={() => {
            setFocused(q.symbol);
            setSymbol(q.symbol);
          }}
        />
      ))}
    </div>
  );
}

interface SpotButtonProps {
  ref: (el: HTMLButtonElement | null) => void;
  quote: SpotQuote;
  selected: boolean;
  tabStop: boolean;
  onSelect: () => void;
}

function SpotButton({ ref, quote, selected, tabStop, onSelect }: SpotButtonProps) {
  const change = quote.prevClose === undefined ? undefined : quote.price - quote.prevClose;
  const direction = change === undefined || change === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  return (
    <button
      ref={ref}
      type="button"
      className={`spot ${direction}`}
      aria-pressed={selected}
      tabIndex={tabStop ? 0 : -1}
      onClick={onSelect}
      data-testid={`spot-${quote.symbol}`}
      data-price={quote.price}
    >
      <span className="spot-symbol">{quote.symbol}</span>
      <span className="spot-price mono">{formatPrice(quote.price)}</span>
      {change !== undefined && quote.prevClose !== undefined && <span className="spot-change mono">{formatChange(change, quote.prevClose)}</span>}
    </button>
  );
}
