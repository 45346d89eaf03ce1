import {
  DuplicateEmailError,
  hashPassword,
  newCsrfToken,
  toUserDto,
  verifyAgainstDummy,
  verifyPassword,
  type LoginLimitScope,
  type Session,
  type StoredUser,
} from '@marketswarm/shared/auth';
import type { LoginBody, RegisterBody, UserDto } from '@marketswarm/shared/dto';
import { HttpError } from '@marketswarm/shared/http';
import type { AuthDeps } from './auth-deps.js';

export interface SignedIn {
  user: UserDto;
  session: Session;
  /** The browser's device id, now known for this account: the router hands it back in `ms_device`. */
  deviceId: string;
}

/** Who is asking: the client address (from nginx) and the `ms_device` cookie, if the browser sent one. */
export interface AuthClient {
  ip: string;
  deviceId: string | undefined;
}

export type AttemptLimitScope = LoginLimitScope | 'sign-up';

/** What each refusal says, and which part of the request it names in `issues`. */
const LIMIT_ANSWERS: Record<AttemptLimitScope, { path: string; message: (retryAfterSec: number) => string }> = {
  'account-address': { path: 'email', message: (s) => `too many failed sign-ins for this account from this address; try again in ${s} s` },
  address: { path: '(client)', message: (s) => `too many failed sign-ins from this address; try again in ${s} s` },
  account: { path: 'email', message: (s) => `too many failed sign-ins for this account; sign in from a device you used before, or try again in ${s} s` },
  'sign-up': { path: '(client)', message: (s) => `too many sign-ups from this address; try again in ${s} s` },
};

/** 429 with the seconds to wait, which the shared error handler sends as `Retry-After`. */
export class TooManyAttemptsError extends HttpError {
  constructor(
    override readonly retryAfterSec: number,
    readonly scope: AttemptLimitScope,
  ) {
    const answer = LIMIT_ANSWERS[scope];
    const message = answer.message(retryAfterSec);
    super(429, message, [{ path: answer.path, message }]);
    this.name = 'TooManyAttemptsError';
  }
}

const INVALID_CREDENTIALS = 'invalid email or password';
export const ACCOUNT_DISABLED = 'this account is disabled';

/** The rules of accounts and sessions; the router only parses and answers. */
export class AuthService {
  constructor(private readonly deps: Pick<AuthDeps, 'users' | 'sessions' | 'limiter' | 'signUpLimiter' | 'devices'>) {}

  /**
   * Self-registration always makes a trader; admins come from `./admin user add --role admin`.
   * The address's sign-up is reserved before the (deliberately slow) hash.
   */
  async register(body: RegisterBody, client: AuthClient): Promise<SignedIn> {
    const verdict = await this.deps.signUpLimiter.reserve(client.ip);
    if (verdict.limited) throw new TooManyAttemptsError(verdict.retryAfterSec, 'sign-up');
    const passwordHash = await hashPassword(body.password);
    try {
      const user = await this.deps.users.create({ email: body.email, passwordHash, role: 'trader' });
      return await this.signIn(user, client);
    } catch (error) {
      if (error instanceof DuplicateEmailError) {
        throw new HttpError(409, 'an account with this email already exists', [{ path: 'email', message: 'is already registered; sign in instead' }]);
      }
      throw error;
    }
  }

  /**
   * The attempt is reserved against the limits before the password is verified (a correct one gives
   * it back). Unknown email and wrong password answer the same 401 after the same argon2 work. A
   * session id the browser still sent (`replacing`) is ended, so a new sign-in never reuses a session.
   */
  async login(body: LoginBody, client: AuthClient, replacing?: string): Promise<SignedIn> {
    const user = await this.deps.users.findByEmail(body.email);
    const knownDevice = user !== null && (await this.deps.devices.isKnown(user.id, client.deviceId));
    const verdict = await this.deps.limiter.reserve({ ip: client.ip, knownDevice }, body.email);
    if (verdict.limited) throw new TooManyAttemptsError(verdict.retryAfterSec, verdict.scope);
    const ok = user ? await verifyPassword(user.passwordHash, body.password) : await verifyAgainstDummy(body.password);
    if (!user || !ok) {
      throw new HttpError(401, INVALID_CREDENTIALS, [{ path: '(credentials)', message: 'no account matches this email and password' }]);
    }
    await this.deps.limiter.succeeded(client.ip, body.email);
    // Said only to someone who knows the password, so it reveals nothing about which accounts exist.
    if (user.disabled) {
      throw new HttpError(403, ACCOUNT_DISABLED, [{ path: '(account)', message: 'an administrator disabled this account; ask them to enable it' }]);
    }
    if (replacing) await this.deps.sessions.delete(replacing);
    return this.signIn(user, client);
  }

  async logout(sessionId: string): Promise<void> {
    await this.deps.sessions.delete(sessionId);
  }

  /** Ends every session of the user, on every device. */
  logoutEverywhere(userId: string): Promise<number> {
    return this.deps.sessions.deleteAllForUser(userId);
  }

  private async signIn(user: StoredUser, client: AuthClient): Promise<SignedIn> {
    const [session, deviceId] = await Promise.all([this.deps.sessions.create(user, newCsrfToken()), this.deps.devices.remember(user.id, client.deviceId)]);
    return { user: toUserDto(user), session, deviceId };
  }
}
