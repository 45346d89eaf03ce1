import type { GexProfile } from './gex.js';

/** The price levels a GEX profile marks, by the kind the GEX panel draws them as. */
export type GexLevelKind = 'call-wall' | 'put-wall' | 'flip';

/**
 * What traders read for each level, in the GEX panel and in vexy's commentary alike, so a wall
 * has one name everywhere (lower case, as it reads inside a sentence).
 */
export const GEX_LEVEL_NAMES: Readonly<Record<GexLevelKind, string>> = {
  'call-wall': 'call wall',
  'put-wall': 'put wall',
  flip: 'gamma flip',
};

export interface GexLevel {
  kind: GexLevelKind;
  level: number;
}

const usable = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/**
 * The levels of a profile, or of a `gex` payload carrying the profile's `callWall`, `putWall` and
 * `flip` (computed by `computeGex`); missing or unusable ones are left out, never re-derived, so every
 * reader shows the walls the producer computed.
 */
export function gexLevels(source: Partial<Pick<GexProfile, 'callWall' | 'putWall' | 'flip'>> | Readonly<Record<string, unknown>>): GexLevel[] {
  const out: GexLevel[] = [];
  const { callWall, putWall, flip } = source as Record<string, unknown>;
  if (usable(callWall)) out.push({ kind: 'call-wall', level: callWall });
  if (usable(putWall)) out.push({ kind: 'put-wall', level: putWall });
  if (usable(flip)) out.push({ kind: 'flip', level: flip });
  return out;
}
