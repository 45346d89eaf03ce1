import { type OptionType } from '../pricing/black-scholes.js';
import { daysToExpiry } from './heatmap.js';
import { type PositionLeg } from './risk-graph.js';

export type TemplateKind = 'single' | 'vertical' | 'butterfly' | 'bwb' | 'iron-fly' | 'iron-condor' | 'calendar';

export const TEMPLATE_KINDS: readonly TemplateKind[] = ['single', 'vertical', 'butterfly', 'bwb', 'iron-fly', 'iron-condor', 'calendar'];

export interface TemplateInput {
  kind: TemplateKind;
  /** Ignored by iron-fly and iron-condor, which hold both. */
  type: OptionType;
  /** The centre strike (butterfly, bwb, iron fly, iron condor) or the long strike (single, vertical, calendar). */
  strike: number;
  /** Distance between strikes: the vertical's width, the fly's wings, the iron structures' long wings. */
  width: number;
  /** bwb: the far wing's distance from the centre (default 2 × width); iron condor: half the distance between the short strikes (default width). */
  wing?: number;
  /** Epoch ms; the calendar's near (short) expiry. */
  expiry: number;
  /** Calendar only: the far (long) expiry, after `expiry`. */
  farExpiry?: number;
  /** Lots, > 0. */
  quantity: number;
  /** short flips the sign of every leg. */
  direction: 'long' | 'short';
}

/** The mid of one option, undefined when the chain has none. */
export type TemplatePrice = (type: OptionType, strike: number, expiry: number) => number | undefined;

interface LegShape {
  type: OptionType;
  strike: number;
  expiry: number;
  /** Contracts per lot, signed for the long direction. */
  ratio: number;
}

/**
 * The legs of a strategy built from a template, each priced at `price()` (the mid) as its entry, for
 * `quantity` lots; `direction: 'short'` flips every sign. The shapes, for a long one, with K = strike,
 * w = width:
 * - single: +1 K;
 * - vertical (debit): +1 K, −1 K + w for a call, −1 K − w for a put;
 * - butterfly: +1 K − w, −2 K, +1 K + w;
 * - bwb (broken-wing butterfly): the near wing w on one side and the far wing `wing` (default 2w) on
 *   the out-of-the-money side of the type: call +1 K − w, −2 K, +1 K + wing; put +1 K + w, −2 K, +1 K − wing;
 * - iron-fly: −1 call K, −1 put K, +1 call K + w, +1 put K − w (the credit iron fly as traders sell it);
 * - iron-condor, with s = `wing` (default w): −1 put K − s, −1 call K + s, +1 put K − s − w,
 *   +1 call K + s + w (short strikes 2s apart around K, long wings w beyond them);
 * - calendar: −1 at `expiry`, +1 at `farExpiry`, same type and strike.
 * Throws a RangeError for a malformed template or when the chain has no price for a leg (naming it).
 */
export function templateLegs(input: TemplateInput, price: TemplatePrice): PositionLeg[] {
  const sign = input.direction === 'short' ? -1 : 1;
  return templateShape(input).map((shape) => {
    const mid = price(shape.type, shape.strike, shape.expiry);
    if (mid === undefined || !Number.isFinite(mid)) {
      throw new RangeError(`no price for the ${shape.type} ${formatStrike(shape.strike)} expiring ${new Date(shape.expiry).toISOString()}`);
    }
    if (mid < 0) throw new RangeError(`negative price ${mid} for the ${shape.type} ${formatStrike(shape.strike)} expiring ${new Date(shape.expiry).toISOString()}`);
    return { type: shape.type, strike: shape.strike, expiry: shape.expiry, quantity: sign * shape.ratio * input.quantity, entryPrice: mid };
  });
}

function templateShape(input: TemplateInput): LegShape[] {
  validateTemplate(input);
  const { type, strike: k, width: w, expiry } = input;
  const up = type === 'call' ? 1 : -1;
  const leg = (legType: OptionType, strike: number, ratio: number, at = expiry): LegShape => ({ type: legType, strike, expiry: at, ratio });
  let shape: LegShape[];
  switch (input.kind) {
    case 'single':
      shape = [leg(type, k, 1)];
      break;
    case 'vertical':
      shape = [leg(type, k, 1), leg(type, k + up * w, -1)];
      break;
    case 'butterfly':
      shape = [leg(type, k - w, 1), leg(type, k, -2), leg(type, k + w, 1)];
      break;
    case 'bwb': {
      const far = input.wing ?? 2 * w;
      shape = [leg(type, k - up * w, 1), leg(type, k, -2), leg(type, k + up * far, 1)];
      break;
    }
    case 'iron-fly':
      shape = [leg('put', k - w, 1), leg('put', k, -1), leg('call', k, -1), leg('call', k + w, 1)];
      break;
    case 'iron-condor': {
      const s = input.wing ?? w;
      shape = [leg('put', k - s - w, 1), leg('put', k - s, -1), leg('call', k + s, -1), leg('call', k + s + w, 1)];
      break;
    }
    case 'calendar':
      shape = [leg(type, k, -1), leg(type, k, 1, input.farExpiry)];
      break;
  }
  for (const s of shape) if (!(s.strike > 0)) throw new RangeError(`the ${input.kind} at ${formatStrike(k)} ±${formatStrike(w)} needs a strike at ${formatStrike(s.strike)}, which is not positive`);
  return shape;
}

function validateTemplate(input: TemplateInput): void {
  if (!TEMPLATE_KINDS.includes(input.kind)) throw new RangeError(`unknown template kind ${String(input.kind)}`);
  if (input.type !== 'call' && input.type !== 'put') throw new RangeError(`template type must be 'call' or 'put', got ${String(input.type)}`);
  if (!(input.strike > 0) || !Number.isFinite(input.strike)) throw new RangeError(`template strike must be positive, got ${input.strike}`);
  if (!(input.width > 0) || !Number.isFinite(input.width)) throw new RangeError(`template width must be positive, got ${input.width}`);
  if (input.wing !== undefined && (!(input.wing > 0) || !Number.isFinite(input.wing))) throw new RangeError(`template wing must be positive, got ${input.wing}`);
  if (!(input.quantity > 0) || !Number.isFinite(input.quantity)) throw new RangeError(`template quantity must be a positive number of lots, got ${input.quantity}`);
  if (input.direction !== 'long' && input.direction !== 'short') throw new RangeError(`template direction must be 'long' or 'short', got ${String(input.direction)}`);
  if (!Number.isFinite(input.expiry)) throw new RangeError(`template expiry must be an epoch ms, got ${input.expiry}`);
  if (input.kind === 'calendar' && !(input.farExpiry !== undefined && input.farExpiry > input.expiry)) {
    throw new RangeError('a calendar needs a farExpiry after its expiry');
  }
}

const KIND_NAMES: Record<TemplateKind, string> = {
  single: '',
  vertical: 'vertical',
  butterfly: 'butterfly',
  bwb: 'broken-wing butterfly',
  'iron-fly': 'iron fly',
  'iron-condor': 'iron condor',
  calendar: 'calendar',
};

/**
 * A short human name for a template, for position names and accessible labels:
 * "Long butterfly call 5005 ±10, 0DTE", "Short vertical put 5000/4990, 1DTE",
 * "Long broken-wing butterfly call 5005 −10/+20, 0DTE", "Long iron condor 4980/4990/5010/5020, 0DTE",
 * "Long calendar call 5000, 0DTE/7DTE", "Long call 5010 ×3, 0DTE" (lots shown when more than one).
 * DTE counts whole days from `now` as the heatmap's tiles do.
 */
export function describeTemplate(input: TemplateInput, now: number = Date.now()): string {
  const { kind, type, strike: k, width: w } = input;
  const up = type === 'call' ? 1 : -1;
  const direction = input.direction === 'short' ? 'Short' : 'Long';
  let body: string;
  switch (kind) {
    case 'single':
      body = `${type} ${formatStrike(k)}`;
      break;
    case 'vertical':
      body = `vertical ${type} ${formatStrike(k)}/${formatStrike(k + up * w)}`;
      break;
    case 'butterfly':
      body = `butterfly ${type} ${formatStrike(k)} ±${formatStrike(w)}`;
      break;
    case 'bwb': {
      const far = input.wing ?? 2 * w;
      const [near, wide] = up > 0 ? [`−${formatStrike(w)}`, `+${formatStrike(far)}`] : [`+${formatStrike(w)}`, `−${formatStrike(far)}`];
      body = `${KIND_NAMES.bwb} ${type} ${formatStrike(k)} ${near}/${wide}`;
      break;
    }
    case 'iron-fly':
      body = `${KIND_NAMES['iron-fly']} ${formatStrike(k)} ±${formatStrike(w)}`;
      break;
    case 'iron-condor': {
      const s = input.wing ?? w;
      body = `${KIND_NAMES['iron-condor']} ${[k - s - w, k - s, k + s, k + s + w].map(formatStrike).join('/')}`;
      break;
    }
    case 'calendar':
      body = `calendar ${type} ${formatStrike(k)}`;
      break;
  }
  const lots = input.quantity !== 1 ? ` ×${input.quantity}` : '';
  const near = `${daysToExpiry(now, input.expiry)}DTE`;
  const dte = kind === 'calendar' && input.farExpiry !== undefined ? `${near}/${daysToExpiry(now, input.farExpiry)}DTE` : near;
  return `${direction} ${body}${lots}, ${dte}`;
}

/** Strikes print as the chain quotes them: 5005, 402.5 (no float noise). */
function formatStrike(strike: number): string {
  return String(Number(strike.toFixed(4)));
}
