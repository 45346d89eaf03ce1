import type { NodeSettings } from '../truth/settings/node.settings.js';

/** Seven days of idle time before a session ends (the default of `sessionTtlSec` in truth/node.json). */
export const DEFAULT_SESSION_TTL_SEC = 7 * 24 * 3600;

export interface AuthSettings {
  sessionTtlSec: number;
}

/**
 * The auth settings of every service that checks the session cookie. The session TTL belongs to
 * the node (truth/node.json), not to the gateway, so the journal and copilot expire sessions
 * exactly as the gateway does: declare `node: ['sessionTtlSec']` in the component's settings spec
 * and pass `ctx.settings.of(spec).node` here (a change then shows as "restart needed").
 */
export function authSettingsFrom(node: Pick<NodeSettings, 'sessionTtlSec'>): AuthSettings {
  return { sessionTtlSec: node.sessionTtlSec };
}
