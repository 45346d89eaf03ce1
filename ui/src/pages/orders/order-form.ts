import { createOrderBodySchema, ORDER_MAX_LEGS, type CreateOrderBody, type OrderSource, type SavedPositionDto } from '@marketswarm/shared/dto';
import { expiryCloseOf, savedLegsFromTile, type HeatmapTile } from '@marketswarm/shared/models';
import { zodFieldErrors, type FieldErrors } from '../../auth/form-issues';
import { describeTileKey } from '../../panels/selector/describe-tile-key';
import { addDays } from '../journal/calendar-grid';

/** One leg as typed: strings until the form is submitted, so a half-typed number is not lost. */
export interface LegDraft {
  expiry: string;
  strike: string;
  right: 'call' | 'put';
  ratio: string;
}

export interface OrderDraft {
  symbol: string;
  quantity: string;
  limitPrice: string;
  legs: LegDraft[];
  /** Where the spread came from (a heatmap tile or a saved position), sent along for pricing. */
  source?: OrderSource;
}

export const emptyLeg = (expiry = ''): LegDraft => ({ expiry, strike: '', right: 'call', ratio: '1' });

export const emptyDraft = (expiry = ''): OrderDraft => ({ symbol: 'SPX', quantity: '1', limitPrice: '', legs: [emptyLeg(expiry)] });

/** '' → undefined (zod says "is required"); anything else → a number, NaN for junk ("must be a number"). */
function numberOrUndefined(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

export type OrderRequest = { ok: true; body: CreateOrderBody } | { ok: false; errors: FieldErrors };

/**
 * The request body of `POST /api/orders` from the form, checked by the shared schema the journal
 * checks it with: errors are keyed by the same paths the server names (`legs.1.strike`, `limitPrice`).
 */
export function toOrderRequest(draft: OrderDraft): OrderRequest {
  const candidate = {
    symbol: draft.symbol.trim(),
    quantity: numberOrUndefined(draft.quantity),
    limitPrice: numberOrUndefined(draft.limitPrice),
    legs: draft.legs.map((leg) => ({ expiry: leg.expiry.trim(), strike: numberOrUndefined(leg.strike), right: leg.right, ratio: numberOrUndefined(leg.ratio) })),
    ...(draft.source ? { source: draft.source } : {}),
  };
  const parsed = createOrderBodySchema.safeParse(candidate);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
}

/**
 * A draft from a heatmap tile: its legs as the heatmap defines them (`savedLegsFromTile`: butterfly
 * +1/−2/+1, vertical +1/−1, single +1), the tile kept as the order's source. The limit is left for
 * the trader: the tile's debit moves by the second.
 *
 * With the live tile, the legs expire on its own expiry date. With only its key
 * (`strategy:dte:width:strike`), the date is a preview, `dte` days after `today`: dte is counted from
 * the moment the producer priced the tile, so after the New York close, or in a zone ahead of New
 * York, that guess is a day early. The journal therefore trades an unedited tile order on the live
 * tile's legs, whatever date the form showed; editing a leg makes it the trader's own legs.
 */
export function draftFromTile(key: string, symbol: string, today: string, live?: HeatmapTile): OrderDraft | undefined {
  const tile = live?.key === key ? live : tileOfKey(key, today);
  const legs = tile && savedLegsFromTile(tile);
  if (!legs) return undefined;
  return { symbol, quantity: '1', limitPrice: '', legs: legs.map((l) => ({ expiry: l.expiry, strike: String(l.strike), right: l.right, ratio: String(l.ratio) })), source: { kind: 'tile', key } };
}

/** The tile a key names, expiring at the close `dte` days after `today`; no prices (they are not in the key). */
function tileOfKey(key: string, today: string): HeatmapTile | undefined {
  const described = describeTileKey(key);
  const expiry = described && expiryCloseOf(addDays(today, described.dte));
  if (!described || expiry === undefined) return undefined;
  const { strategy, dte, width, strike } = described;
  return { key, strategy, dte, expiry, width, strike, debit: 0, maxProfit: null, maxLoss: 0, rewardRisk: null };
}

/** A draft from a saved what-if position: its legs, quantity and entry price as the limit. */
export function draftFromPosition(position: SavedPositionDto): OrderDraft {
  return {
    symbol: position.symbol,
    quantity: String(position.quantity),
    limitPrice: String(position.entryPrice),
    legs: position.legs.map((l) => ({ expiry: l.expiry, strike: String(l.strike), right: l.right, ratio: String(l.ratio) })),
    source: { kind: 'position', id: position.id },
  };
}

export const canAddLeg = (draft: OrderDraft): boolean => draft.legs.length < ORDER_MAX_LEGS;

/** Editing the spread by hand makes it no longer the tile or position it came from. */
export function editLeg(draft: OrderDraft, index: number, patch: Partial<LegDraft>): OrderDraft {
  const { source: _source, ...rest } = draft;
  return { ...rest, legs: draft.legs.map((leg, i) => (i === index ? { ...leg, ...patch } : leg)) };
}

export function addLeg(draft: OrderDraft): OrderDraft {
  if (!canAddLeg(draft)) return draft;
  const { source: _source, ...rest } = draft;
  return { ...rest, legs: [...draft.legs, emptyLeg(draft.legs.at(-1)?.expiry ?? '')] };
}

export function removeLeg(draft: OrderDraft, index: number): OrderDraft {
  if (draft.legs.length <= 1) return draft;
  const { source: _source, ...rest } = draft;
  return { ...rest, legs: draft.legs.filter((_, i) => i !== index) };
}

/** "+1 6000C −2 6010C +1 6020C 2026-12-07". */
export function describeLegs(legs: readonly { expiry: string; strike: number; right: 'call' | 'put'; ratio: number }[]): string {
  const expiries = [...new Set(legs.map((l) => l.expiry))];
  const parts = legs.map((l) => `${l.ratio > 0 ? '+' : '−'}${Math.abs(l.ratio)} ${l.strike}${l.right === 'call' ? 'C' : 'P'}`);
  return `${parts.join(' ')} ${expiries.join('/')}`;
}
