import type { QueryClient } from '@tanstack/react-query';
import type { Preferences, UserDto } from '@marketswarm/shared/dto';
import { patchProfile } from './auth-api';
import { SESSION_KEY, setSessionUser } from './session';

/** Sends the whole preferences object (the profile PATCH replaces it) and answers the saved user. */
export type SendPreferences = (preferences: Preferences) => Promise<UserDto>;

const sendProfilePreferences: SendPreferences = (preferences) => patchProfile({ preferences });

/**
 * The one way the page saves profile preferences. Several parts of the page own keys in the one
 * preferences object (the workspace its layout and symbol, the header its MEL DTE) and a PATCH
 * replaces the whole object, so two saves racing each other would each drop the other's key. Each
 * caller hands only the keys it changed; they are laid over the latest saved preferences (the
 * session cache) when their turn comes, after the save before them updated it, and one PATCH is in
 * flight at a time.
 */
export class PreferencesQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: QueryClient,
    private readonly send: SendPreferences = sendProfilePreferences,
  ) {}

  /** Settles once these keys are saved (or dropped, nobody being signed in); rejects when the PATCH failed. */
  save(changes: Preferences): Promise<void> {
    const turn = this.tail.then(() => this.sendNow(changes));
    // A failed save must not hold up the ones behind it.
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async sendNow(changes: Preferences): Promise<void> {
    // Signed out while waiting: the PATCH could only answer 401 and show "session expired".
    const user = this.client.getQueryData<UserDto | null>(SESSION_KEY);
    if (!user) return;
    const saved = await this.send({ ...user.preferences, ...changes });
    // Not signed in again by a late answer after signing out.
    if (this.client.getQueryData<UserDto | null>(SESSION_KEY)) setSessionUser(this.client, saved);
  }
}

const queues = new WeakMap<QueryClient, PreferencesQueue>();

/** The page's one queue (there is one query client per page). */
export function preferencesQueue(client: QueryClient): PreferencesQueue {
  let queue = queues.get(client);
  if (!queue) {
    queue = new PreferencesQueue(client);
    queues.set(client, queue);
  }
  return queue;
}
