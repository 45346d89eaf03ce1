import type { AlertBodyInput, AlertDirection, AlertDto } from '@marketswarm/shared/dto';
import { submitErrors } from '../../auth/form-issues';

/**
 * Price steps of the symbols whose levels are not quoted in cents. SPX itself prints in cents, but
 * traders mark its levels in quarter points (the futures' step), so a click lands on a level they
 * would name; every other symbol keeps two decimals.
 */
const TICKS: Readonly<Record<string, number>> = { SPX: 0.25 };
export const DEFAULT_TICK = 0.01;

export const tickOf = (symbol: string): number => TICKS[symbol] ?? DEFAULT_TICK;

const decimalsOf = (tick: number): number => String(tick).split('.')[1]?.length ?? 0;

/**
 * The level a click on the chart names: the price under the pointer on the symbol's tick. Undefined
 * where no price alert could sit (off the price scale, at or below zero).
 */
export function levelAt(price: number | null | undefined, tick: number): number | undefined {
  if (price === null || price === undefined || !Number.isFinite(price)) return undefined;
  // toFixed drops the float noise of the multiplication (5012.25 stays 5012.25, not 5012.250000001).
  const level = Number((Math.round(price / tick) * tick).toFixed(decimalsOf(tick)));
  return level > 0 ? level : undefined;
}

/** The alert fires when the price reaches the level from where it is: up to a level above it, down otherwise; any cross when the price is unknown. */
export function levelDirection(level: number, last: number | undefined): AlertDirection {
  if (last === undefined) return 'cross';
  return level > last ? 'above' : 'below';
}

const levelFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const formatLevel = (level: number): string => levelFormat.format(level);

export type PriceAlertBody = Extract<AlertBodyInput, { kind: 'price' }>;

export function chartLevelAlertBody(symbol: string, level: number, last: number | undefined): PriceAlertBody {
  return { kind: 'price', symbol, level, direction: levelDirection(level, last), source: 'chart-level', label: `${symbol} chart level ${level.toFixed(2)}` };
}

export interface LevelAlertStatus {
  ok: boolean;
  text: string;
}

const DIRECTION_WORDS: Record<AlertDirection, string> = { above: 'on the way up', below: 'on the way down', cross: 'on any cross' };

/** Sends the chart-level alert and says what happened, in words for the panel's status line. */
export async function sendChartLevelAlert(create: (body: AlertBodyInput) => Promise<AlertDto>, body: PriceAlertBody): Promise<LevelAlertStatus> {
  const shown = formatLevel(body.level);
  try {
    await create(body);
    return { ok: true, text: `Alert set at ${shown}, ${DIRECTION_WORDS[body.direction]}.` };
  } catch (error) {
    return { ok: false, text: `No alert at ${shown}: ${submitErrors(error, []).message}` };
  }
}
