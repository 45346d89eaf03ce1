// `$SPX`, `$brk.b`: a dollar sign, a letter, up to five more letters, an optional share class.
const CASHTAG = /(?<![\w$])\$([A-Za-z]{1,6}(?:\.[A-Za-z]{1,2})?)(?![\w.])/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Tickers mentioned in `text`: every `$TICKER` cashtag (any case) and every watched symbol written
 * as a whole upper-case word. Upper-case, deduplicated, in order of first mention.
 */
export function extractTickers(text: string, watched: readonly string[]): string[] {
  const hits: Array<{ at: number; symbol: string }> = [];
  for (const match of text.matchAll(CASHTAG)) hits.push({ at: match.index, symbol: (match[1] ?? '').toUpperCase() });
  for (const symbol of new Set(watched.map((s) => s.toUpperCase()))) {
    const word = new RegExp(`(?<![A-Za-z0-9$])${escapeRegExp(symbol)}(?![A-Za-z0-9])`, 'g');
    for (const match of text.matchAll(word)) hits.push({ at: match.index, symbol });
  }
  hits.sort((a, b) => a.at - b.at);
  return [...new Set(hits.map((h) => h.symbol))];
}
