import { closeTradeBodySchema, updateTradeBodySchema, type CloseTradeBody, type TradeDto, type TradeLegDto, type UpdateTradeBody } from '@marketswarm/shared/dto';

/** Turning the trade page's form fields into the API's bodies, checked by the shared schemas before sending. */

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

const fieldErrors = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors => {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path.map(String).join('.') || '(root)'] ??= issue.message;
  return errors;
};

/** Tag names from a comma-separated field: trimmed, empty ones dropped, each name once (case-insensitively). */
export function parseTagNames(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

export interface NotesFields {
  notes: string;
  tags: string;
  risk: string;
}

export const notesFieldsOf = (trade: Pick<TradeDto, 'notes' | 'tags' | 'risk'>): NotesFields => ({
  notes: trade.notes,
  tags: trade.tags.map((t) => t.name).join(', '),
  risk: trade.risk === null ? '' : String(trade.risk),
});

/** The PATCH body of what changed (notes, tags by name, risk; an empty risk clears it); null when nothing did. */
export function notesPatch(trade: Pick<TradeDto, 'notes' | 'tags' | 'risk'>, fields: NotesFields): Parsed<UpdateTradeBody> | null {
  const body: Record<string, unknown> = {};
  if (fields.notes !== trade.notes) body['notes'] = fields.notes;
  const names = parseTagNames(fields.tags);
  const current = trade.tags.map((t) => t.name);
  if (names.length !== current.length || names.some((name, i) => name !== current[i])) {
    // A tag the trade has keeps its id (a rename elsewhere cannot make it a new tag); a new name creates one.
    const idOf = new Map(trade.tags.map((t) => [t.name, t.id]));
    body['tags'] = names.map((name) => {
      const id = idOf.get(name);
      return id === undefined ? { name } : { id };
    });
  }
  const riskText = fields.risk.trim();
  const risk = riskText === '' ? null : Number(riskText);
  if (risk !== trade.risk) body['risk'] = riskText !== '' && !Number.isFinite(risk) ? riskText : risk;
  if (Object.keys(body).length === 0) return null;
  const parsed = updateTradeBodySchema.safeParse(body);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: fieldErrors(parsed.error.issues) };
}

/**
 * The legs the close form asks a price for. The journal closes "every leg still open"; a leg without
 * a close price is open. A trade marked open whose legs all have one (a partial close) gets a price
 * field per leg, and the journal's answer says how many it wants if that is wrong.
 */
export function legsToClose(trade: Pick<TradeDto, 'legs'>): TradeLegDto[] {
  const open = trade.legs.filter((leg) => leg.closePrice === null);
  return open.length > 0 ? open : [...trade.legs];
}

export interface CloseFields {
  prices: string[];
  /** `datetime-local` value in the viewer's time, or empty for now. */
  at: string;
  commission: string;
}

export function closeBody(fields: CloseFields): Parsed<CloseTradeBody> {
  const errors: FieldErrors = {};
  const prices = fields.prices.map((text, i) => {
    const value = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) errors[`prices.${i}`] = 'must be a number';
    return value;
  });
  const body: Record<string, unknown> = { prices };
  if (fields.at !== '') {
    const at = new Date(fields.at).getTime();
    if (Number.isFinite(at)) body['at'] = at;
    else errors['at'] = 'must be a date and time';
  }
  if (fields.commission.trim() !== '') {
    const commission = Number(fields.commission);
    if (Number.isFinite(commission)) body['commission'] = commission;
    else errors['commission'] = 'must be a number';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = closeTradeBodySchema.safeParse(body);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: fieldErrors(parsed.error.issues) };
}

/** Server field issues (`prices.1`, `at`, `tags.0.id`) as the form's field errors. */
export function issuesToErrors(issues: readonly { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path || '(root)'] ??= issue.message;
  return errors;
}
