import { decodeEventText, decodeStreamEntry, parseEvent, streamEntryText, type ParseEventResult } from '@marketswarm/shared/events';

/** A heatmap stream entry read only as far as its reader needs: a symbol nobody watches is not validated. */
export type HeatmapEntry = { wanted: false; symbol: string } | { wanted: true; decoded: ParseEventResult };

/**
 * Validating a heatmap event against the contract costs milliseconds (hundreds of tiles through
 * zod), on every diff of every symbol; the engine needs only the symbols some position alert or P&L
 * prompt alert watches. The JSON is parsed once (natively) to read its symbol, and validated only
 * when that symbol is watched; an entry whose symbol cannot be read is validated, so a broken one is
 * still counted as invalid.
 */
export function readHeatmapEntry(fields: readonly string[], watched: (symbol: string) => boolean): HeatmapEntry {
  const text = streamEntryText(fields);
  if (text === undefined) return { wanted: true, decoded: decodeStreamEntry(fields) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { wanted: true, decoded: decodeEventText(text) };
  }
  const symbol = symbolOf(json);
  if (symbol !== undefined && !watched(symbol)) return { wanted: false, symbol };
  return { wanted: true, decoded: parseEvent(json) };
}

function symbolOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const data = (json as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return undefined;
  const symbol = (data as { symbol?: unknown }).symbol;
  return typeof symbol === 'string' ? symbol : undefined;
}
