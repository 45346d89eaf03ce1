import type { Redis } from 'ioredis';
import { newCsrfToken } from '../auth/csrf.js';
import { hashPassword } from '../auth/password-hasher.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/session-cookie.js';
import { SessionRepository } from '../auth/session.repository.js';
import { UserRepository } from '../auth/user.repository.js';
import type { Role } from '../dto/auth.schema.js';

export interface SignedInAccount {
  userId: string;
  /** The `Cookie` header a browser sends after signing in (`ms_session` and `ms_csrf`). */
  cookie: string;
  /** The value for `X-CSRF-Token`. */
  csrf: string;
}

/**
 * An account with a live session written to system Redis exactly as the gateway's sign-in writes
 * them, for specs of services that only read sessions (journal, copilot) and run without a gateway.
 */
export async function createSignedInAccount(system: Redis, email: string, options: { role?: Role; sessionTtlSec?: number } = {}): Promise<SignedInAccount> {
  const user = await new UserRepository(system).create({ email, passwordHash: await hashPassword('correct horse battery'), role: options.role ?? 'trader' });
  const session = await new SessionRepository(system, { ttlSec: options.sessionTtlSec ?? 3600 }).create(user, newCsrfToken());
  return { userId: user.id, cookie: `${SESSION_COOKIE}=${session.id}; ${CSRF_COOKIE}=${session.csrf}`, csrf: session.csrf };
}
