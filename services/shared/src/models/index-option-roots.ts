/**
 * Weekly and PM-settled roots of index options, to the index they derive from: an SPXW leg and an
 * SPX leg are one SPX trade, settle on SPX's print, are marked from SPX's heatmap and read SPX's spot
 * and GEX. Roots not listed are their own underlying (SPY, XSP, AAPL).
 */
export const INDEX_OPTION_ROOTS: Readonly<Record<string, string>> = { SPXW: 'SPX', SPXPM: 'SPX', NDXP: 'NDX', RUTW: 'RUT', VIXW: 'VIX', DJXW: 'DJX' };

/** A journal symbol as the underlying it trades on: `/MES` → `MES`, `SPXW` → `SPX`, `spx` → `SPX`. */
export function underlyingOf(symbol: string): string {
  const root = symbol.replace(/^\//, '').toUpperCase();
  return INDEX_OPTION_ROOTS[root] ?? root;
}
