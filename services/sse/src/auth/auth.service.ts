import {
  DuplicateEmailError,
  hashPassword,
  newCsrfToken,
  toUserDto,
  verifyAgainstDummy,
  verifyPassword,
  type LoginRateLimiter,
  type Session,
  type SessionStore,
  type UserStore,
} from '@marketswarm/shared/auth';
import type { LoginBody, RegisterBody, UserDto } from '@marketswarm/shared/dto';
import { HttpError } from '@marketswarm/shared/http';

export interface SignedIn {
  user: UserDto;
  session: Session;
}

/** 429 with the seconds to wait, which the router sends as `Retry-After`. */
export class TooManyAttemptsError extends HttpError {
  constructor(
    readonly retryAfterSec: number,
    scope: 'account' | 'ip',
  ) {
    const what = scope === 'account' ? 'for this account' : 'from this address';
    const message = `too many failed sign-ins ${what}; try again in ${retryAfterSec} s`;
    super(429, message, [{ path: scope === 'account' ? 'email' : '(client)', message }]);
    this.name = 'TooManyAttemptsError';
  }
}

const INVALID_CREDENTIALS = 'invalid email or password';

/** The rules of accounts and sessions; the router only parses and answers. */
export class AuthService {
  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly limiter: LoginRateLimiter,
  ) {}

  /** Self-registration always makes a trader; admins come from `./admin user add --role admin`. */
  async register(body: RegisterBody): Promise<SignedIn> {
    const passwordHash = await hashPassword(body.password);
    try {
      const user = await this.users.create({ email: body.email, passwordHash, role: 'trader' });
      return { user: toUserDto(user), session: await this.sessions.create(user, newCsrfToken()) };
    } catch (error) {
      if (error instanceof DuplicateEmailError) {
        throw new HttpError(409, 'an account with this email already exists', [{ path: 'email', message: 'is already registered; sign in instead' }]);
      }
      throw error;
    }
  }

  /**
   * Unknown email and wrong password answer the same 401 after the same argon2 work. A session
   * id the browser still sent (`replacing`) is ended, so a new sign-in never reuses a session.
   */
  async login(body: LoginBody, ip: string, replacing?: string): Promise<SignedIn> {
    const verdict = await this.limiter.check(ip, body.email);
    if (verdict.limited) throw new TooManyAttemptsError(verdict.retryAfterSec, verdict.scope);
    const user = await this.users.findByEmail(body.email);
    const ok = user ? await verifyPassword(user.passwordHash, body.password) : await verifyAgainstDummy(body.password);
    if (!user || !ok) {
      await this.limiter.recordFailure(ip, body.email);
      throw new HttpError(401, INVALID_CREDENTIALS, [{ path: '(credentials)', message: 'no account matches this email and password' }]);
    }
    await this.limiter.recordSuccess(body.email);
    if (replacing) await this.sessions.delete(replacing);
    return { user: toUserDto(user), session: await this.sessions.create(user, newCsrfToken()) };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
  }

  /** Ends every session of the user, on every device. */
  logoutEverywhere(userId: string): Promise<number> {
    return this.sessions.deleteAllForUser(userId);
  }
}
