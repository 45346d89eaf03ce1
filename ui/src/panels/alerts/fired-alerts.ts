import { z } from 'zod';
import type { TypedEvent } from '@marketswarm/shared/events';
import type { AlertItem } from '../../stores/workspace-stores';
import { isHistory } from './arrivals';
import type { ShownHits } from './shown-hits';

/** The `alerts` event type the copilot publishes when one of the user's alerts fires. */
export const FIRED_EVENT_TYPE = 'fired';

/** The fired payload's own fields, beyond the topic's `id` (the hit id), `message` and `severity`. */
const firedFieldsSchema = z.looseObject({ alertId: z.string().min(1), firedAt: z.number().int().positive() });

/**
 * A fired event as a toast item, stamped with when it was published; undefined for every other
 * event. History or new is decided by that stamp, not by `firedAt` (the tick's time, kept in the
 * payload for display): a hit published late — a restarted copilot catching up, an outbox drained
 * after a journal outage — is news to the trader however old its tick. Replays of the same hit are
 * stopped by its id (ShownHits), not by its age.
 */
export function firedItem(event: Pick<TypedEvent<'alerts'>, 'type' | 'ts' | 'data'>): AlertItem | undefined {
  if (event.type !== FIRED_EVENT_TYPE) return undefined;
  return { ...event.data, ts: event.ts };
}

/**
 * Whether an item of the alerts feed is a fired alert. Only for the items that reached the store
 * before the toasts subscribed (the store keeps payloads, not event types).
 */
export const looksFired = (item: AlertItem): boolean => firedFieldsSchema.safeParse(item).success;

/**
 * The fired alerts among `candidates` to toast now: not stamped well before the page mounted
 * (see HISTORY_BEFORE_MOUNT_MS), and not shown before in this browser: each hit id at most once,
 * across reloads.
 */
export function firedToToast(candidates: readonly AlertItem[], shown: ShownHits, mountedAt: number, now: number): AlertItem[] {
  return candidates.filter((alert) => !isHistory(alert, mountedAt) && shown.claim(alert.id, now));
}
