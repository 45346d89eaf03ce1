import { TEMPLATE_KINDS, describeTemplate, expiryDateOf, legMid, singleOptionMids, templateLegs, type HeatmapTile, type PositionLeg, type TemplateInput, type TemplatePrice } from '@marketswarm/shared/models';
import { z } from 'zod';
import { zodFieldErrors, type FieldErrors } from '../auth/form-issues';

/** The "New position" form, as typed. */
export interface TemplateFields {
  kind: TemplateInput['kind'];
  type: 'call' | 'put';
  direction: 'long' | 'short';
  strike: string;
  width: string;
  /** bwb's far wing, iron condor's half distance between the shorts; empty takes the template's default. */
  wing: string;
  /** Epoch ms as a string (an option of the expiry select). */
  expiry: string;
  /** Calendar only. */
  farExpiry: string;
  quantity: string;
}

/** The expiries the heatmap has single options for (their mids price a template's legs), ascending. */
export function heatmapExpiries(tiles: Iterable<HeatmapTile>): { at: number; dte: number }[] {
  const seen = new Map<number, number>();
  for (const t of tiles) if ((t.strategy === 'single-call' || t.strategy === 'single-put') && Number.isFinite(t.expiry)) seen.set(t.expiry, t.dte);
  return [...seen].map(([at, dte]) => ({ at, dte })).sort((a, b) => a.at - b.at);
}

/** Each leg's price: the live mid of its single-option tile in the heatmap. */
export function heatmapPrice(tiles: Iterable<HeatmapTile>): TemplatePrice {
  const mids = singleOptionMids(tiles);
  return (type, strike, expiry) => legMid(mids, { expiry: expiryDateOf(expiry), right: type, strike });
}

/** A default width: 10 points for an index in the thousands (SPX, NDX), 5 in the hundreds, else 1. */
export const defaultWidth = (spot: number | undefined): number => (spot === undefined || spot >= 1000 ? 10 : spot >= 100 ? 5 : 1);

const num = (msg: string) => z.number({ error: () => msg }).refine(Number.isFinite, msg);
const fieldsSchema = z
  .object({
    kind: z.enum(TEMPLATE_KINDS as [TemplateInput['kind'], ...TemplateInput['kind'][]]),
    type: z.enum(['call', 'put']),
    direction: z.enum(['long', 'short']),
    strike: num('must be a number').refine((v) => v > 0, 'must be positive'),
    width: num('must be a number').refine((v) => v > 0, 'must be positive'),
    wing: num('must be a number').refine((v) => v > 0, 'must be positive').optional(),
    expiry: num('choose an expiry'),
    farExpiry: num('choose a later expiry').optional(),
    quantity: z.number({ error: () => 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000'),
  })
  .refine((f) => f.kind !== 'calendar' || (f.farExpiry !== undefined && f.farExpiry > f.expiry), { path: ['farExpiry'], message: 'choose an expiry after the near one' });

const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

export type TemplateBuild = { ok: true; name: string; legs: PositionLeg[]; quantity: number } | { ok: false; errors: FieldErrors };

/**
 * The legs of one spread of the template (priced at the heatmap's mids) and its name, or the
 * messages per field; a leg the heatmap has no mid for is said on the form as a whole.
 */
export function buildTemplate(fields: TemplateFields, price: TemplatePrice, now: number): TemplateBuild {
  const parsed = fieldsSchema.safeParse({
    kind: fields.kind,
    type: fields.type,
    direction: fields.direction,
    strike: numberOf(fields.strike),
    width: numberOf(fields.width),
    wing: fields.wing.trim() === '' ? undefined : numberOf(fields.wing),
    expiry: numberOf(fields.expiry),
    farExpiry: fields.kind === 'calendar' ? numberOf(fields.farExpiry) : undefined,
    quantity: numberOf(fields.quantity),
  });
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { wing, farExpiry, ...rest } = parsed.data;
  const input: TemplateInput = { ...rest, ...(wing === undefined ? {} : { wing }), ...(farExpiry === undefined ? {} : { farExpiry }) };
  try {
    const legs = templateLegs({ ...input, quantity: 1 }, price);
    return { ok: true, name: describeTemplate(input, now), legs, quantity: input.quantity };
  } catch (error) {
    return { ok: false, errors: { '(root)': error instanceof Error ? error.message : String(error) } };
  }
}
