import { createOrderBodySchema, ORDER_MAX_LEGS, type CreateOrderBody, type OrderSource, type SavedPositionDto } from '@marketswarm/shared/dto';
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
 * A draft from a heatmap tile key (`strategy:dte:width:strike`), the tile's legs as the heatmap
 * defines them (butterfly +1/−2/+1, vertical +1/−1, single +1), expiring `dte` days after `today`
 * (exchange date). The limit is left for the trader: the tile's debit moves by the second.
 */
export function draftFromTile(key: string, symbol: string, today: string): OrderDraft | undefined {
  const tile = describeTileKey(key);
  if (!tile) return undefined;
  const expiry = addDays(today, tile.dte);
  const { strike: k, width: w, side: right } = tile;
  const leg = (strike: number, ratio: number): LegDraft => ({ expiry, strike: String(strike), right, ratio: String(ratio) });
  let legs: LegDraft[];
  switch (tile.strategy) {
    case 'butterfly-call':
    case 'butterfly-put':
      legs = [leg(k - w, 1), leg(k, -2), leg(k + w, 1)];
      break;
    case 'vertical-call':
      legs = [leg(k, 1), leg(k + w, -1)];
      break;
    case 'vertical-put':
      legs = [leg(k, 1), leg(k - w, -1)];
      break;
    case 'single-call':
    case 'single-put':
      legs = [leg(k, 1)];
      break;
  }
  return { symbol, quantity: '1', limitPrice: '', legs, source: { kind: 'tile', key } };
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
