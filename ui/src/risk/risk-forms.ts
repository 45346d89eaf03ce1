import { createSavedPositionBodySchema, logSavedPositionBodySchema, type AlertBodyInput, type CreateSavedPositionBody, type LogSavedPositionBody, type SavedPositionLeg } from '@marketswarm/shared/dto';
import { legMid, singleOptionMids, type HeatmapTile } from '@marketswarm/shared/models';
import { zodFieldErrors, type FieldErrors } from '../auth/form-issues';

/**
 * Each leg's live mid from the symbol's heatmap (its single-option tiles: `singleOptionMids`), or
 * undefined where it has none: the mids the journal defaults a logged position's prices to.
 */
export function legMids(legs: readonly Pick<SavedPositionLeg, 'expiry' | 'strike' | 'right'>[], tiles: Iterable<HeatmapTile> | undefined): (number | undefined)[] {
  const mids = singleOptionMids(tiles ?? []);
  return legs.map((leg) => legMid(mids, leg));
}

/** A price as the form's input shows it: 2 decimals for a mid, empty when unknown. */
export const priceField = (mid: number | undefined): string => (mid === undefined ? '' : String(Math.round(mid * 100) / 100));

export interface LogTradeFields {
  /** One per leg, as typed; all empty lets the journal take the live mids. */
  prices: readonly string[];
  /** Per contract, per leg; empty is 0. */
  commission: string;
}

export type LogTradeCheck = { ok: true; body: Partial<LogSavedPositionBody> } | { ok: false; errors: FieldErrors };

const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/**
 * The body of `POST /api/journal/positions/:id/log` from the form, checked with the journal's own
 * schema, or the messages per field (`prices.1`, `commission`) the form shows under each input.
 */
export function checkLogTrade(fields: LogTradeFields): LogTradeCheck {
  const typed = fields.prices.map((p) => p.trim() !== '');
  if (typed.some(Boolean) && !typed.every(Boolean)) {
    const errors: FieldErrors = {};
    typed.forEach((t, i) => {
      if (!t) errors[`prices.${i}`] = 'enter a price for every leg, or leave them all empty for the live mids';
    });
    return { ok: false, errors };
  }
  const raw: Record<string, unknown> = { commission: fields.commission.trim() === '' ? 0 : numberOf(fields.commission) };
  if (typed.every(Boolean) && typed.length > 0) raw['prices'] = fields.prices.map(numberOf);
  const parsed = logSavedPositionBodySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const body: Partial<LogSavedPositionBody> = { commission: parsed.data.commission };
  if (parsed.data.prices !== undefined) body.prices = parsed.data.prices;
  return { ok: true, body };
}

export type SaveCheck = { ok: true; body: CreateSavedPositionBody } | { ok: false; errors: FieldErrors };

/** A what-if's save body under the typed name, checked with the journal's schema (the name's message under the input). */
export function checkSave(body: CreateSavedPositionBody | undefined): SaveCheck {
  if (body === undefined) return { ok: false, errors: { '(root)': 'this tile has no expiry date to save' } };
  const parsed = createSavedPositionBodySchema.safeParse(body);
  return parsed.success ? { ok: true, body } : { ok: false, errors: zodFieldErrors(parsed.error) };
}

/** Where a level alert set from the risk graph came from (the journal's price alert sources). */
export type RiskLevelSource = 'breakeven' | 'chart-level';

/**
 * A price alert at a level of the risk graph (a breakeven, or a price the trader clicked): it fires
 * when the price reaches the level from where it is now (above it when the level is higher, below
 * when lower; either way when the price sits on it or is not known yet).
 */
export function levelAlertBody(symbol: string, level: number, liveSpot: number | undefined, source: RiskLevelSource, positionIds: readonly string[]): Extract<AlertBodyInput, { kind: 'price' }> {
  const rounded = Math.round(level * 100) / 100;
  const direction = liveSpot === undefined || liveSpot === rounded ? 'cross' : rounded > liveSpot ? 'above' : 'below';
  const sourceRef = positionIds.join(',').slice(0, 200);
  const label = `${symbol} ${source === 'breakeven' ? 'breakeven' : 'level'} ${rounded.toFixed(2)}`;
  return { kind: 'price', symbol, level: rounded, direction, source, label, ...(sourceRef === '' ? {} : { sourceRef }) };
}

/** A price alert at a breakeven of the drawn positions (see levelAlertBody). */
export function breakevenAlertBody(symbol: string, level: number, liveSpot: number | undefined, positionIds: readonly string[]): Extract<AlertBodyInput, { kind: 'price' }> {
  return levelAlertBody(symbol, level, liveSpot, 'breakeven', positionIds);
}
