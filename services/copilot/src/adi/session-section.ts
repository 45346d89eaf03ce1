import type { AdiSession } from '@marketswarm/shared/dto';
import { sessionPhase } from '@marketswarm/shared/models';

/**
 * Where the trading day is for the underlying's options at `now` (`sessionPhase`: open 09:30–10:30,
 * midday to 14:30, late to the close), and the minutes left until they stop trading.
 */
export function sessionSection(underlying: string, now: number): AdiSession {
  const { phase, date, time, minutesToClose, closesAt } = sessionPhase(now, underlying);
  return { phase, date, time, minutesToClose, closesAt };
}
