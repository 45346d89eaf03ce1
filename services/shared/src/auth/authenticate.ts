import type { Redis } from 'ioredis';
import type { UserDto } from '../dto/auth.schema.js';
import { readSessionCookies } from './session-cookie.js';
import { isSessionId, SessionRepository, type Session, type SessionStoreOptions } from './session.repository.js';
import { toUserDto, UserRepository } from './user.repository.js';

/** Who is calling: the account (with its current role) and the session it used. */
export interface SessionUser {
  user: UserDto;
  session: Session;
  /** True when this call slid the session's expiry: an HTTP edge may re-issue the cookies. */
  renewed: boolean;
}

export type AuthenticateOptions = SessionStoreOptions;

/**
 * The one session check every service runs (gateway, journal, copilot, WebSocket upgrades): the
 * `ms_session` cookie from a `Cookie` header → a live session in system Redis → its user. Slides
 * the session's expiry (at most once per `renewAfterSec`). Null for no cookie, a malformed id,
 * an expired or deleted session, or a deleted or disabled account.
 */
export async function authenticate(cookieHeader: string | undefined, redis: Redis, options: AuthenticateOptions): Promise<SessionUser | null> {
  const { session: sessionId } = readSessionCookies(cookieHeader);
  if (!isSessionId(sessionId)) return null;
  const sessions = new SessionRepository(redis, options);
  const session = await sessions.get(sessionId);
  if (!session) return null;
  const user = await new UserRepository(redis).findById(session.userId);
  // A disabled account's sessions are ended by the admin who disabled it; one that slipped through ends here.
  if (!user || user.disabled) {
    await sessions.delete(session.id);
    return null;
  }
  const touched = await sessions.touch(session);
  return { user: toUserDto(user), session: touched.session, renewed: touched.renewed };
}
