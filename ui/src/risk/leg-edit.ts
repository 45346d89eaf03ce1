import { nonNegativeDecimalInputSchema, optionLegsSchema, savedPositionLegSchema } from '@marketswarm/shared/dto';
import { expiryCloseOf, expiryDateOf, type PositionLeg } from '@marketswarm/shared/models';
import { z } from 'zod';
import { zodFieldErrors, type FieldErrors } from '../auth/form-issues';

/** One leg of the leg editor, as typed. */
export interface LegFields {
  right: 'call' | 'put';
  strike: string;
  /** YYYY-MM-DD, New York: the option expires at that day's close. */
  expiry: string;
  /** Contracts per spread: positive long, negative short. */
  ratio: string;
  /** Per unit, points, what the leg is bought or sold at. */
  price: string;
  /**
   * The leg's price to the full precision it came with, kept until the trader types a price: `price`
   * shows it to the cent, and a spread applied unchanged must keep its exact net (a tile's debit).
   */
  exact?: number;
}

const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));
const shown = (x: number): string => String(Math.round(x * 100) / 100);

/** A leg as the editor starts it. */
export function legFieldsOf(leg: PositionLeg): LegFields {
  return { right: leg.type, strike: String(leg.strike), expiry: expiryDateOf(leg.expiry), ratio: String(leg.quantity), price: shown(leg.entryPrice), exact: leg.entryPrice };
}

// The journal's own leg and legs rules (calendar dates, whole non-zero ratios, one option once, at
// most 8), so an edited what-if always saves; plus the price the journal keeps only as a sum.
const legSchema = savedPositionLegSchema.extend({ price: nonNegativeDecimalInputSchema });
const legsSchema = z.array(legSchema).superRefine((legs, ctx) => {
  const checked = optionLegsSchema.safeParse(legs.map(({ price: _price, ...leg }) => leg));
  if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

export type LegsCheck = { ok: true; legs: PositionLeg[] } | { ok: false; errors: FieldErrors };

/**
 * The edited legs of one spread, or the messages per field (`3.strike`, `0.expiry`, `(root)`) the
 * editor shows under each input. A leg whose date has already closed is refused: it has no risk left
 * to draw.
 */
export function checkLegs(fields: readonly LegFields[], now: number): LegsCheck {
  const raw = fields.map((f) => ({ expiry: f.expiry.trim(), strike: numberOf(f.strike), right: f.right, ratio: numberOf(f.ratio), price: numberOf(f.price) }));
  const parsed = legsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const errors: FieldErrors = {};
  const legs: PositionLeg[] = [];
  parsed.data.forEach((leg, i) => {
    const expiry = expiryCloseOf(leg.expiry);
    if (expiry === undefined || expiry <= now) errors[`${i}.expiry`] = 'has already expired';
    else legs.push({ type: leg.right, strike: leg.strike, expiry, quantity: leg.ratio, entryPrice: fields[i]?.exact ?? leg.price });
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, legs };
}

/** Net price of one spread (per unit; positive a debit paid, negative a credit received). */
export function spreadPrice(legs: readonly Pick<PositionLeg, 'quantity' | 'entryPrice'>[]): number {
  return legs.reduce((a, l) => a + l.quantity * l.entryPrice, 0);
}

/**
 * A spread's legs as the editor starts them: each at its live mid, scaled so the legs still add up to
 * the spread's own price (a tile's debit) — the entry the trader took stays the entry, and Apply
 * without edits moves nothing. When a mid is missing, or the mids net to nothing or to the other side
 * of the price (no positive scale reaches it), the legs keep their own prices (a tile's whole net on
 * one leg).
 */
export function pricedLikeMids(legs: readonly PositionLeg[], mids: readonly (number | undefined)[]): PositionLeg[] {
  const own = legs.map((l) => ({ ...l }));
  const known = legs.map((_, i) => mids[i]);
  if (known.some((m) => m === undefined || !Number.isFinite(m) || m < 0)) return own;
  const atMids = spreadPrice(legs.map((l, i) => ({ quantity: l.quantity, entryPrice: known[i] ?? 0 })));
  const scale = spreadPrice(legs) / atMids;
  if (!Number.isFinite(scale) || scale < 0) return own;
  return legs.map((l, i) => ({ ...l, entryPrice: (known[i] ?? 0) * scale }));
}

/** True when the editor's rows are still the ones it started with: Apply then has nothing to change. */
export function rowsUnchanged(start: readonly LegFields[], rows: readonly LegFields[]): boolean {
  const fields = ['right', 'strike', 'expiry', 'ratio', 'price'] as const;
  return start.length === rows.length && start.every((s, i) => fields.every((f) => s[f] === rows[i]?.[f]) && s.exact === rows[i]?.exact);
}
