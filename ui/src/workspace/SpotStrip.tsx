import { useEffect } from 'react';
import { useKeyedAll } from '../stores/hooks';
import type { SpotQuote } from '../stores/workspace-stores';
import { useWorkspace } from './workspace-context';
import { formatChange, formatPrice } from '../format/number';

export const FIRST_TICK_MARK = 'ms:first-tick';

/** Live spot for every streamed symbol; a button selects the workspace symbol. */
export function SpotStrip() {
  const { stores, symbol, setSymbol } = useWorkspace();
  const quotes = [...useKeyedAll(stores.spot).values()].sort((a, b) => a.symbol.localeCompare(b.symbol));
  const hasQuotes = quotes.length > 0;
  useEffect(() => {
    // Navigation → first live price on screen, read by `npm run bench:ui`.
    if (hasQuotes && performance.getEntriesByName(FIRST_TICK_MARK).length === 0) performance.mark(FIRST_TICK_MARK);
  }, [hasQuotes]);
  if (quotes.length === 0) return <div className="spot-strip muted">Waiting for prices…</div>;
  return (
    <nav className="spot-strip" aria-label="Watched symbols">
      {quotes.map((q) => (
        <SpotButton key={q.symbol} quote={q} selected={q.symbol === symbol} onSelect={() => setSymbol(q.symbol)} />
      ))}
    </nav>
  );
}

function SpotButton({ quote, selected, onSelect }: { quote: SpotQuote; selected: boolean; onSelect: () => void }) {
  const change = quote.prevClose === undefined ? undefined : quote.price - quote.prevClose;
  const direction = change === undefined || change === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  return (
    <button type="button" className={`spot ${direction}`} aria-pressed={selected} onClick={onSelect} data-testid={`spot-${quote.symbol}`} data-price={quote.price}>
      <span className="spot-symbol">{quote.symbol}</span>
      <span className="spot-price mono">{formatPrice(quote.price)}</span>
      {change !== undefined && quote.prevClose !== undefined && <span className="spot-change mono">{formatChange(change, quote.prevClose)}</span>}
    </button>
  );
}
