import {
  alertBodySchema,
  alertPatchSchema,
  type AlertBehaviour,
  type AlertBody,
  type AlertDirection,
  type AlertDto,
  type AlertKind,
  type AlertPatch,
} from '@marketswarm/shared/dto';
import { zodFieldErrors, type FieldErrors } from '../auth/form-issues';

/** Everything the alert form can hold, as typed; the kind picks which fields are sent. */
export interface AlertFormValues {
  kind: AlertKind;
  label: string;
  behaviour: AlertBehaviour;
  /** Repeat only; empty takes the journal's default. */
  cooldownSec: string;
  enabled: boolean;
  symbol: string;
  level: string;
  direction: AlertDirection;
  /** position-pnl and greeks watch a saved position or an open trade. */
  ref: 'position' | 'trade';
  positionId: string;
  tradeId: string;
  target: string;
  greek: 'delta' | 'gamma' | 'theta' | 'vega';
  op: 'above' | 'below';
  value: string;
  side: 'long' | 'short';
  trail: string;
  trailUnit: 'points' | 'percent';
}

export function defaultAlertForm(symbol = 'SPX', kind: AlertKind = 'price'): AlertFormValues {
  return {
    kind,
    label: '',
    behaviour: 'once',
    cooldownSec: '',
    enabled: true,
    symbol,
    level: '',
    direction: 'above',
    ref: 'position',
    positionId: '',
    tradeId: '',
    target: '',
    greek: 'delta',
    op: 'above',
    value: '',
    side: 'long',
    trail: '',
    trailUnit: 'points',
  };
}

/** The form filled with an alert, for editing it. */
export function formFromAlert(alert: AlertDto): AlertFormValues {
  const base: AlertFormValues = {
    ...defaultAlertForm(),
    kind: alert.kind,
    label: alert.label ?? '',
    behaviour: alert.behaviour,
    cooldownSec: alert.cooldownSec === null ? '' : String(alert.cooldownSec),
    enabled: alert.enabled,
  };
  switch (alert.kind) {
    case 'price':
      return { ...base, symbol: alert.symbol, level: String(alert.level), direction: alert.direction };
    case 'spread-debit':
      return { ...base, positionId: alert.positionId, target: String(alert.target), direction: alert.direction };
    case 'position-pnl':
      return { ...base, ...refOf(alert), target: String(alert.target), direction: alert.direction };
    case 'greeks':
      return { ...base, ...refOf(alert), greek: alert.greek, op: alert.op, value: String(alert.value) };
    case 'trailing-stop':
      return { ...base, symbol: alert.symbol, side: alert.side, trail: String(alert.trail), trailUnit: alert.trailUnit };
  }
}

function refOf(alert: { positionId: string | null; tradeId: string | null }): Pick<AlertFormValues, 'ref' | 'positionId' | 'tradeId'> {
  return alert.tradeId !== null ? { ref: 'trade', positionId: '', tradeId: alert.tradeId } : { ref: 'position', positionId: alert.positionId ?? '', tradeId: '' };
}

/** A typed number: empty is missing ("is required"), anything else not a number is NaN ("must be a number"). */
const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));
const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** The raw body the form stands for: only the fields of its kind, as the journal takes them. */
export function rawBody(v: AlertFormValues): Record<string, unknown> {
  const common: Record<string, unknown> = { kind: v.kind, behaviour: v.behaviour, enabled: v.enabled };
  const label = text(v.label);
  if (label !== undefined) common['label'] = label;
  if (v.behaviour === 'repeat' && text(v.cooldownSec) !== undefined) common['cooldownSec'] = num(v.cooldownSec);
  const ref = v.ref === 'trade' ? { tradeId: text(v.tradeId) ?? '' } : { positionId: text(v.positionId) ?? '' };
  switch (v.kind) {
    case 'price':
      return { ...common, symbol: v.symbol.trim(), level: num(v.level), direction: v.direction };
    case 'spread-debit':
      return { ...common, positionId: text(v.positionId) ?? '', target: num(v.target), direction: v.direction };
    case 'position-pnl':
      return { ...common, ...ref, target: num(v.target), direction: v.direction };
    case 'greeks':
      return { ...common, ...ref, greek: v.greek, op: v.op, value: num(v.value) };
    case 'trailing-stop':
      return { ...common, symbol: v.symbol.trim(), side: v.side, trail: num(v.trail), trailUnit: v.trailUnit };
  }
}

export type AlertFormCheck<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

/** The create body, checked with the journal's own schema: the messages per field are the server's words. */
export function checkAlertForm(v: AlertFormValues): AlertFormCheck<AlertBody> {
  const parsed = alertBodySchema.safeParse(rawBody(v));
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
}

/**
 * The edit as a PATCH: the form is first checked as a whole alert (the rules across fields), then
 * sent as every field of its kind, with what the form left empty cleared (`label`, `cooldownSec`,
 * the unused one of `positionId`/`tradeId`). The kind and a price alert's source never change.
 */
export function checkAlertPatch(v: AlertFormValues): AlertFormCheck<AlertPatch> {
  const whole = checkAlertForm(v);
  if (!whole.ok) return whole;
  // `source` is not on the form (its default would turn a breakeven's alert into a manual one): it stays as it is.
  const { kind, source: _source, ...fields } = whole.body as AlertBody & Record<string, unknown>;
  const patch: Record<string, unknown> = { ...fields, label: fields['label'] ?? null, cooldownSec: fields['cooldownSec'] ?? null };
  if (kind === 'position-pnl' || kind === 'greeks') {
    patch['positionId'] = fields['positionId'] ?? null;
    patch['tradeId'] = fields['tradeId'] ?? null;
  }
  const parsed = alertPatchSchema.safeParse(patch);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
}

/** The fields the form shows for a kind (server issues on them are shown in place). */
export function formFields(kind: AlertKind): string[] {
  const common = ['label', 'behaviour', 'cooldownSec', 'enabled'];
  switch (kind) {
    case 'price':
      return [...common, 'symbol', 'level', 'direction', 'source'];
    case 'spread-debit':
      return [...common, 'positionId', 'target', 'direction'];
    case 'position-pnl':
      return [...common, 'positionId', 'tradeId', 'target', 'direction'];
    case 'greeks':
      return [...common, 'positionId', 'tradeId', 'greek', 'op', 'value'];
    case 'trailing-stop':
      return [...common, 'symbol', 'side', 'trail', 'trailUnit'];
  }
}
