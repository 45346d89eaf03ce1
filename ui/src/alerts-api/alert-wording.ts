import { ALERT_DEFAULT_COOLDOWN_SEC, type AlertBehaviour, type AlertDirection, type AlertDto, type AlertKind } from '@marketswarm/shared/dto';

/** How the alert manager names each kind. */
export const KIND_NAMES: Readonly<Record<AlertKind, string>> = {
  price: 'Price',
  'spread-debit': 'Spread debit',
  'position-pnl': 'Position P&L',
  greeks: 'Greeks',
  'trailing-stop': 'Trailing stop',
};

const SOURCE_NAMES: Readonly<Record<string, string>> = { manual: '', 'chart-level': 'chart level', 'gex-wall': 'GEX wall', breakeven: 'breakeven' };

/** Names of the things an alert may point at, when the page knows them. */
export interface AlertRefNames {
  position?: (id: string) => string | undefined;
  trade?: (id: string) => string | undefined;
}

/** Levels as traders write them: 2 decimals, more only when the level has them (0.125 stays). */
export function formatLevel(x: number): string {
  const fixed = x.toFixed(2);
  return Number(fixed) === x ? fixed : String(x);
}

const signedMoney = (x: number): string => `${x < 0 ? '−' : x > 0 ? '+' : ''}$${Math.abs(x).toFixed(2)}`;

function directionWords(direction: AlertDirection, level: string): string {
  switch (direction) {
    case 'above':
      return `rises to ${level} or above`;
    case 'below':
      return `falls to ${level} or below`;
    case 'cross':
      return `crosses ${level}`;
  }
}

function refWords(alert: { positionId: string | null; tradeId: string | null }, names: AlertRefNames): string {
  if (alert.positionId !== null) return `saved position ${names.position?.(alert.positionId) ?? shortId(alert.positionId)}`;
  if (alert.tradeId !== null) return `trade ${names.trade?.(alert.tradeId) ?? shortId(alert.tradeId)}`;
  return 'a position';
}

const shortId = (id: string): string => (id.length > 8 ? id.slice(0, 8) : id);

/** The alert's condition as a sentence: `SPX rises to 5010.00 or above (breakeven)`. */
export function describeCondition(alert: AlertDto, names: AlertRefNames = {}): string {
  switch (alert.kind) {
    case 'price': {
      const source = SOURCE_NAMES[alert.source] ?? alert.source;
      return `${alert.symbol} ${directionWords(alert.direction, formatLevel(alert.level))}${source === '' ? '' : ` (${source})`}`;
    }
    case 'spread-debit':
      return `The debit of ${refWords({ positionId: alert.positionId, tradeId: null }, names)} ${directionWords(alert.direction, formatLevel(alert.target))}`;
    case 'position-pnl':
      return `The P&L of ${refWords(alert, names)} ${directionWords(alert.direction, signedMoney(alert.target))}`;
    case 'greeks':
      return `The ${alert.greek} of ${refWords(alert, names)} is ${alert.op} ${alert.value}`;
    case 'trailing-stop': {
      const trail = alert.trailUnit === 'percent' ? `${alert.trail}%` : `${alert.trail} points`;
      return alert.side === 'long' ? `${alert.symbol} falls ${trail} from its high since armed` : `${alert.symbol} rises ${trail} from its low since armed`;
    }
  }
}

/** What happens on a hit: `Once`, `Repeats, at most every 60 s`, `Removed when hit`. */
export function describeBehaviour(behaviour: AlertBehaviour, cooldownSec: number | null): string {
  switch (behaviour) {
    case 'once':
      return 'Once, then disabled';
    case 'repeat':
      return `Repeats, at most every ${formatSeconds(cooldownSec ?? ALERT_DEFAULT_COOLDOWN_SEC)}`;
    case 'remove-on-hit':
      return 'Removed when hit';
  }
}

/** 45 s, 5 min, 1 h 30 min. */
export function formatSeconds(sec: number): string {
  if (sec < 60) return `${sec} s`;
  if (sec < 3600) return sec % 60 === 0 ? `${sec / 60} min` : `${Math.floor(sec / 60)} min ${sec % 60} s`;
  const h = Math.floor(sec / 3600);
  const m = Math.round((sec % 3600) / 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
