import type { CommentaryDto, CommentaryKind, MelCoherence, MelModelId, MelSnapshot, MelState } from '@marketswarm/shared/dto';
import { MEL_COHERENCE_MULTIPLIER, melModelIds } from '@marketswarm/shared/dto';
import type { FiredAlert } from '../alerts/fired-alerts.js';
import { formatLevel, formatPrice, formatScore } from './commentary-format.js';

/** A line the rules wrote, before it gets an id, a time and (maybe) the provider's phrasing. */
export interface CommentaryDraft {
  kind: CommentaryKind;
  severity: CommentaryDto['severity'];
  text: string;
  symbol?: string;
}

/** The market levels commentary watches, as read on one MEL tick. */
export interface MarketObservation {
  symbol: string;
  spot: number | null;
  callWall: number | null;
  putWall: number | null;
  flip: number | null;
}

/** One of the user's positions, reduced to what breakeven commentary needs. */
export interface BreakevenPosition {
  id: string;
  name: string;
  symbol: string;
  /** Expiration breakevens, ascending. */
  breakevens: readonly number[];
}

/** "Nearing a breakeven": spot within this fraction of itself (0.2 %: about 10 points on SPX 5,000). */
export const BREAKEVEN_NEAR_FRACTION = 0.002;

export const MEL_MODEL_LABELS: Readonly<Record<MelModelId, string>> = {
  gamma: 'Gamma/level respect',
  volumeProfile: 'Volume profile',
  liquidity: 'Liquidity',
  volatility: 'Volatility',
  session: 'Session',
};

const INTEGRITY_MEANING: Readonly<Record<MelState, string>> = {
  VALID: 'models back in control.',
  DEGRADED: 'lean less on the levels, wait for confirmation.',
  REVOKED: 'models not holding, trade price, not levels.',
};
const INTEGRITY_SEVERITY: Readonly<Record<MelState, CommentaryDraft['severity']>> = { VALID: 'info', DEGRADED: 'warning', REVOKED: 'critical' };
// One model failing matters less than the whole picture: a model at most warns.
const MODEL_SEVERITY: Readonly<Record<MelState, CommentaryDraft['severity']>> = { VALID: 'info', DEGRADED: 'info', REVOKED: 'warning' };

const COHERENCE_MEANING: Readonly<Record<MelCoherence, string>> = {
  stable: 'models agree',
  mixed: 'models disagree',
  collapsing: 'models failing together',
  recovered: 'models realigning',
};
const COHERENCE_SEVERITY: Readonly<Record<MelCoherence, CommentaryDraft['severity']>> = { stable: 'info', mixed: 'warning', collapsing: 'critical', recovered: 'info' };

const dteLabel = (dte: number): string => `${dte}DTE`;

/** MEL global and per-model state changes between two snapshots of the same DTE. */
export function melStateCommentary(prev: MelSnapshot | null, next: MelSnapshot): CommentaryDraft[] {
  if (prev === null || prev.dte !== next.dte) return [];
  const out: CommentaryDraft[] = [];
  if (prev.state !== next.state) {
    out.push({
      kind: 'mel-state',
      severity: INTEGRITY_SEVERITY[next.state],
      text: `MEL integrity ${prev.state} → ${next.state} (${formatScore(prev.globalIntegrity)} → ${formatScore(next.globalIntegrity)}, ${dteLabel(next.dte)}): ${INTEGRITY_MEANING[next.state]}`,
      symbol: next.symbol,
    });
  }
  for (const id of melModelIds) {
    const a = prev.models[id];
    const b = next.models[id];
    if (a.state === b.state) continue;
    out.push({
      kind: 'mel-state',
      severity: MODEL_SEVERITY[b.state],
      text: `${MEL_MODEL_LABELS[id]} ${a.state} → ${b.state} (${formatScore(a.score)} → ${formatScore(b.score)}, ${dteLabel(next.dte)}).`,
      symbol: next.symbol,
    });
  }
  return out;
}

/** A change of MEL coherence (the multiplier on the weighted mean) between two snapshots of the same DTE. */
export function coherenceCommentary(prev: MelSnapshot | null, next: MelSnapshot): CommentaryDraft[] {
  if (prev === null || prev.dte !== next.dte || prev.coherence === next.coherence) return [];
  return [
    {
      kind: 'coherence',
      severity: COHERENCE_SEVERITY[next.coherence],
      text: `MEL coherence ${prev.coherence} → ${next.coherence} (×${MEL_COHERENCE_MULTIPLIER[next.coherence]}): ${COHERENCE_MEANING[next.coherence]}. Integrity ${formatScore(next.globalIntegrity)}.`,
      symbol: next.symbol,
    },
  ];
}

type Crossing = 'up' | 'down';

/**
 * Whether spot went through a level between two observations. Each spot is compared with the level
 * of its own observation: a wall that moved to the other side of spot is also a change of side, and
 * a gap through the level counts as much as a tick onto it.
 */
function crossing(prevSpot: number | null, prevLevel: number | null, nextSpot: number | null, nextLevel: number | null): Crossing | null {
  if (prevSpot === null || prevLevel === null || nextSpot === null || nextLevel === null) return null;
  if (prevSpot < prevLevel && nextSpot >= nextLevel) return 'up';
  if (prevSpot > prevLevel && nextSpot <= nextLevel) return 'down';
  return null;
}

/** Spot through the call wall, the put wall or the gamma flip. */
export function levelCommentary(prev: MarketObservation | null, next: MarketObservation): CommentaryDraft[] {
  if (prev === null || prev.symbol !== next.symbol || prev.spot === null || next.spot === null) return [];
  const sym = next.symbol;
  const move = `(${formatPrice(prev.spot)} → ${formatPrice(next.spot)})`;
  const out: CommentaryDraft[] = [];
  const call = crossing(prev.spot, prev.callWall, next.spot, next.callWall);
  if (call !== null && next.callWall !== null) {
    const wall = formatLevel(next.callWall);
    out.push(
      call === 'up'
        ? { kind: 'wall-cross', severity: 'warning', text: `${sym} broke above the call wall ${wall} ${move}: dealers stop capping the rally.`, symbol: sym }
        : { kind: 'wall-cross', severity: 'info', text: `${sym} fell back below the call wall ${wall} ${move}.`, symbol: sym },
    );
  }
  const put = crossing(prev.spot, prev.putWall, next.spot, next.putWall);
  if (put !== null && next.putWall !== null) {
    const wall = formatLevel(next.putWall);
    out.push(
      put === 'down'
        ? { kind: 'wall-cross', severity: 'warning', text: `${sym} broke below the put wall ${wall} ${move}: downside support gone.`, symbol: sym }
        : { kind: 'wall-cross', severity: 'info', text: `${sym} reclaimed the put wall ${wall} ${move}.`, symbol: sym },
    );
  }
  const flip = crossing(prev.spot, prev.flip, next.spot, next.flip);
  if (flip !== null && next.flip !== null) {
    const level = formatLevel(next.flip);
    out.push(
      flip === 'up'
        ? { kind: 'flip-cross', severity: 'info', text: `${sym} crossed above the gamma flip ${level} ${move}: positive gamma, moves tend to dampen.`, symbol: sym }
        : { kind: 'flip-cross', severity: 'warning', text: `${sym} crossed below the gamma flip ${level} ${move}: negative gamma, moves tend to extend.`, symbol: sym },
    );
  }
  return out;
}

/** The breakeven nearest `spot`, or undefined for a position without one. */
function nearestBreakeven(breakevens: readonly number[], spot: number): number | undefined {
  let best: number | undefined;
  for (const b of breakevens) if (best === undefined || Math.abs(b - spot) < Math.abs(best - spot)) best = b;
  return best;
}

/**
 * Spot coming within BREAKEVEN_NEAR_FRACTION of one of a position's breakevens, or going through one
 * in a single step. Only on entering: a spot that stays near says nothing more until it has left.
 */
export function breakevenCommentary(prevSpot: number | null, next: MarketObservation, positions: readonly BreakevenPosition[]): CommentaryDraft[] {
  const spot = next.spot;
  if (prevSpot === null || spot === null) return [];
  const near = spot * BREAKEVEN_NEAR_FRACTION;
  const out: CommentaryDraft[] = [];
  for (const position of positions) {
    if (position.symbol !== next.symbol) continue;
    const through = position.breakevens.find((b) => (prevSpot < b && spot >= b) || (prevSpot > b && spot <= b));
    const sym = next.symbol;
    if (through !== undefined && Math.abs(spot - through) > near) {
      out.push({ kind: 'breakeven', severity: 'warning', text: `${position.name}: ${sym} went through the breakeven ${formatPrice(through)} (${formatPrice(prevSpot)} → ${formatPrice(spot)}).`, symbol: sym });
      continue;
    }
    const b = nearestBreakeven(position.breakevens, spot);
    if (b === undefined || Math.abs(spot - b) > near) continue;
    const wasNear = position.breakevens.some((x) => Math.abs(prevSpot - x) <= near);
    if (wasNear) continue;
    const side = spot < b ? 'below' : 'above';
    out.push({ kind: 'breakeven', severity: 'warning', text: `${position.name}: ${sym} ${formatPrice(spot)} is ${formatPrice(Math.abs(spot - b))} ${side} the breakeven ${formatPrice(b)}.`, symbol: sym });
  }
  return out;
}

/** A fired alert, in the owner's commentary. */
export function alertCommentary(fired: FiredAlert): CommentaryDraft {
  const message = fired.message.trim();
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  const seen = fired.value === null ? '' : ` Seen at ${formatPrice(fired.value)}.`;
  return { kind: 'alert-fired', severity: fired.severity, text: `Alert fired: ${sentence}${seen}`, ...(fired.symbol === null ? {} : { symbol: fired.symbol }) };
}

function levelPart(name: string, level: number | null, spot: number | null): string | null {
  if (level === null) return null;
  if (spot === null) return `${name} ${formatLevel(level)}`;
  const d = spot - level;
  return `${name} ${formatLevel(level)} (${formatPrice(Math.abs(d))} ${d > 0 ? 'below' : d < 0 ? 'above' : 'at'} spot)`;
}

/** What the copilot says when asked: where spot sits among the levels, and how far MEL trusts them. */
export function onDemandCommentary(mel: MelSnapshot | null, market: MarketObservation): CommentaryDraft {
  const sym = market.symbol;
  const parts: string[] = [market.spot === null ? `${sym}: no live price.` : `${sym} ${formatPrice(market.spot)}.`];
  const levels = [levelPart('Call wall', market.callWall, market.spot), levelPart('put wall', market.putWall, market.spot)].filter((p): p is string => p !== null);
  if (levels.length > 0) parts.push(`${levels.join(', ')}.`);
  if (market.flip !== null) {
    const where = market.spot === null ? '' : market.spot >= market.flip ? ': spot above it, positive gamma' : ': spot below it, negative gamma';
    parts.push(`Gamma flip ${formatLevel(market.flip)}${where}.`);
  }
  if (mel === null) {
    parts.push('MEL not scored yet.');
  } else {
    const weakest = melModelIds.map((id) => ({ id, model: mel.models[id] })).reduce((a, b) => (b.model.score < a.model.score ? b : a));
    parts.push(
      `MEL ${formatScore(mel.globalIntegrity)} ${mel.state}, coherence ${mel.coherence}; weakest model ${MEL_MODEL_LABELS[weakest.id]} ${formatScore(weakest.model.score)} ${weakest.model.state}.`,
    );
  }
  return { kind: 'on-demand', severity: 'info', text: parts.join(' '), symbol: sym };
}
