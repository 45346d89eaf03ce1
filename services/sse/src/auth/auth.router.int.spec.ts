import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { hashPassword, SESSION_KEYS } from '@marketswarm/shared/auth';
import { startRedisTrio, type RedisTrio } from '@marketswarm/shared/testing';
import { requireRole, requireSession } from '@marketswarm/shared/edge';
import { CookieJar, send, startAuthTestApp, type AuthTestApp } from './testing/auth-test-app.js';

const PASSWORD = 'correct horse battery';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setCookie(res: Response, name: string): string {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!line) throw new Error(`no Set-Cookie for ${name} in ${JSON.stringify(res.headers.getSetCookie())}`);
  return line;
}

async function register(app: AuthTestApp, email: string, password = PASSWORD, jar = new CookieJar()) {
  const result = await send(`${app.url}/api/auth/register`, 'POST', { jar, body: { email, password } });
  return { ...result, jar };
}

describe('auth router', () => {
  let redis: RedisTrio;
  let system: Redis;
  let app: AuthTestApp;

  beforeAll(async () => {
    redis = await startRedisTrio();
    system = redis.system.client();
    app = await startAuthTestApp(system, {}, (express, deps) => {
      express.get('/api/admin-only', requireSession(deps), requireRole('admin'), (_req, res) => void res.json({ ok: true }));
    });
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
  });

  describe('POST /register', () => {
    it('creates a trader, answers 201 { user } without the hash and sets an httpOnly Lax session cookie and a readable csrf cookie', async () => {
      const { res, body, jar } = await register(app, '  Reg.One@Example.COM ');
      expect(res.status).toBe(201);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const user = body?.['user'] as Record<string, unknown>;
      expect(user).toMatchObject({ email: 'reg.one@example.com', role: 'trader', displayName: 'reg.one', timezone: 'America/New_York', preferences: {} });
      expect(user['id']).toMatch(/^u_[A-Za-z0-9_-]{16}$/);
      expect(JSON.stringify(body)).not.toContain('argon2');
      const session = setCookie(res, 'ms_session');
      expect(session).toMatch(/^ms_session=[A-Za-z0-9_-]{43};/);
      expect(session).toContain('HttpOnly');
      expect(session).toContain('SameSite=Lax');
      expect(session).toContain('Path=/');
      expect(session).toContain('Max-Age=3600');
      expect(session).not.toContain('Secure');
      const csrf = setCookie(res, 'ms_csrf');
      expect(csrf).toContain('SameSite=Lax');
      expect(csrf).not.toContain('HttpOnly');
      expect(await system.exists(SESSION_KEYS.session(jar.get('ms_session')!))).toBe(1);
    });

    it('marks both cookies Secure behind TLS (X-Forwarded-Proto: https from nginx)', async () => {
      const { res } = await send(`${app.url}/api/auth/register`, 'POST', {
        body: { email: 'tls@example.com', password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.status).toBe(201);
      expect(setCookie(res, 'ms_session')).toContain('Secure');
      expect(setCookie(res, 'ms_csrf')).toContain('Secure');
    });

    it('refuses a second account with the same email (any case) with 409 naming email', async () => {
      await register(app, 'dup@example.com');
      const { res, body } = await register(app, 'DUP@example.com');
      expect(res.status).toBe(409);
      expect(body).toMatchObject({ statusCode: 409, error: 'Conflict', issues: [{ path: 'email' }] });
    });

    it('answers 400 naming every bad field and the reason', async () => {
      const { res, body } = await register(app, 'not-an-email', 'short');
      expect(res.status).toBe(400);
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(body?.['issues']).toEqual([
        { path: 'email', message: expect.stringContaining('valid email') as unknown },
        { path: 'password', message: 'must be at least 8 characters' },
      ]);
      expect(body?.['message']).toBe('invalid body: email: must be a valid email address such as ann@example.com');
    });

    it('answers a malformed JSON body with the shared 400 body naming the body', async () => {
      const { res, body } = await send(`${app.url}/api/auth/register`, 'POST', { rawBody: '{"email": "a@b.co",' });
      expect(res.status).toBe(400);
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'request body is not valid JSON', issues: [{ path: '(body)' }] });
    });

    it('answers a body that is not JSON with 415 and one over 64 KB with 413', async () => {
      const form = await send(`${app.url}/api/auth/register`, 'POST', { rawBody: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(form.res.status).toBe(415);
      expect(form.body).toMatchObject({ issues: [{ path: '(body)' }] });
      const big = await send(`${app.url}/api/auth/register`, 'POST', { body: { email: 'big@example.com', password: 'x'.repeat(70_000) } });
      expect(big.res.status).toBe(413);
      expect(big.body).toMatchObject({ statusCode: 413, issues: [{ path: '(body)', message: 'must be at most 64kb' }] });
    });
  });

  describe('GET /me', () => {
    it('returns the user for a live session cookie', async () => {
      const { jar, body } = await register(app, 'me@example.com');
      const me = await send(`${app.url}/api/auth/me`, 'GET', { jar });
      expect(me.res.status).toBe(200);
      expect(me.body).toEqual({ user: body?.['user'] });
    });

    it('answers 401 "sign in first" with the shared body without a cookie or with a forged one', async () => {
      const none = await send(`${app.url}/api/auth/me`, 'GET');
      expect(none.res.status).toBe(401);
      expect(none.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: 'sign in first', issues: [{ path: 'ms_session', message: 'no session cookie was sent' }] });
      const jar = new CookieJar();
      jar.set('ms_session', 'A'.repeat(43));
      const forged = await send(`${app.url}/api/auth/me`, 'GET', { jar });
      expect(forged.res.status).toBe(401);
      expect(forged.body).toMatchObject({ message: 'sign in first', issues: [{ message: 'the session has expired or was ended' }] });
    });

    it('answers 401 once the account behind a live session is gone', async () => {
      const { jar, body } = await register(app, 'gone@example.com');
      await system.del(`user:${(body?.['user'] as { id: string }).id}`);
      expect((await send(`${app.url}/api/auth/me`, 'GET', { jar })).res.status).toBe(401);
      expect(await system.exists(SESSION_KEYS.session(jar.get('ms_session')!))).toBe(0);
    });
  });

  describe('GET /demo', () => {
    it('answers 404 unless ./admin up seeded a demo login, then the login without a session', async () => {
      await system.del(SESSION_KEYS.demoLogin);
      expect((await send(`${app.url}/api/auth/demo`, 'GET')).res.status).toBe(404);
      await system.set(SESSION_KEYS.demoLogin, JSON.stringify({ email: 'demo@marketswarm.local', password: 'pw-123456' }));
      const demo = await send(`${app.url}/api/auth/demo`, 'GET');
      expect(demo.res.status).toBe(200);
      expect(demo.body).toEqual({ email: 'demo@marketswarm.local', password: 'pw-123456' });
      await system.set(SESSION_KEYS.demoLogin, JSON.stringify({ email: 1 }));
      expect((await send(`${app.url}/api/auth/demo`, 'GET')).res.status).toBe(404);
      await system.set(SESSION_KEYS.demoLogin, '{not json');
      expect((await send(`${app.url}/api/auth/demo`, 'GET')).res.status).toBe(404);
      await system.del(SESSION_KEYS.demoLogin);
    });
  });

  describe('POST /login', () => {
    it('signs in with the normalised email, sets fresh cookies and ends the session the browser still had', async () => {
      const { jar } = await register(app, 'login@example.com');
      const before = jar.get('ms_session')!;
      const { res, body } = await send(`${app.url}/api/auth/login`, 'POST', { jar, body: { email: ' LOGIN@example.com', password: PASSWORD } });
      expect(res.status).toBe(200);
      expect(body).toMatchObject({ user: { email: 'login@example.com', role: 'trader' } });
      expect(setCookie(res, 'ms_session')).toContain('HttpOnly');
      expect(jar.get('ms_session')).not.toBe(before);
      expect(await system.exists(SESSION_KEYS.session(before))).toBe(0);
      expect((await send(`${app.url}/api/auth/me`, 'GET', { jar })).res.status).toBe(200);
    });

    it('answers a wrong password and an unknown email with the same 401 and sets no cookie', async () => {
      await register(app, 'victim@example.com');
      const wrong = await send(`${app.url}/api/auth/login`, 'POST', { body: { email: 'victim@example.com', password: 'wrong password' } });
      const unknown = await send(`${app.url}/api/auth/login`, 'POST', { body: { email: 'nobody@example.com', password: 'wrong password' } });
      expect(wrong.res.status).toBe(401);
      expect(wrong.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'unauthorized',
        message: 'invalid email or password',
        issues: [{ path: '(credentials)', message: 'no account matches this email and password' }],
      });
      expect(unknown.res.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.res.headers.getSetCookie()).toEqual([]);
      expect(unknown.res.headers.getSetCookie()).toEqual([]);
    });

    it('spends about as long on an unknown email as on a wrong password (argon2 against a dummy hash)', async () => {
      await register(app, 'timing@example.com');
      const timed = async (email: string) => {
        const started = performance.now();
        await send(`${app.url}/api/auth/login`, 'POST', { body: { email, password: 'wrong password' } });
        return performance.now() - started;
      };
      await timed('warmup@example.com');
      // Lower bounds only: a loaded machine makes both slower, never faster. Without the dummy
      // verification an unknown email answers after one Redis lookup, well under a millisecond.
      const fastest = (xs: number[]) => Math.min(...xs);
      expect(fastest([await timed('timing@example.com'), await timed('timing@example.com')])).toBeGreaterThan(10);
      expect(fastest([await timed('nope1@example.com'), await timed('nope2@example.com'), await timed('nope3@example.com')])).toBeGreaterThan(10);
    });
  });

  describe('POST /logout', () => {
    it('refuses without the X-CSRF-Token header with 403 naming the header, and keeps the session', async () => {
      const { jar } = await register(app, 'logout1@example.com');
      const { res, body } = await send(`${app.url}/api/auth/logout`, 'POST', { jar });
      expect(res.status).toBe(403);
      expect(body).toMatchObject({ statusCode: 403, error: 'Forbidden', issues: [{ path: 'X-CSRF-Token' }] });
      expect(body?.['message']).toContain('X-CSRF-Token');
      expect(await system.exists(SESSION_KEYS.session(jar.get('ms_session')!))).toBe(1);
    });

    it('refuses a token that does not match the cookie, or that belongs to another session', async () => {
      const { jar } = await register(app, 'logout2@example.com');
      const other = await register(app, 'logout3@example.com');
      const wrong = await send(`${app.url}/api/auth/logout`, 'POST', { jar, headers: { 'x-csrf-token': 'x'.repeat(43) } });
      expect(wrong.res.status).toBe(403);
      expect(wrong.body?.['message']).toBe('X-CSRF-Token header does not match the ms_csrf cookie');
      const foreign = other.jar.get('ms_csrf')!;
      jar.set('ms_csrf', foreign);
      const mixed = await send(`${app.url}/api/auth/logout`, 'POST', { jar, headers: { 'x-csrf-token': foreign } });
      expect(mixed.res.status).toBe(403);
      expect(mixed.body?.['message']).toContain('does not belong to this session');
    });

    it('with the token: 204, the session is gone from Redis, the cookies are cleared and me is 401', async () => {
      const { jar } = await register(app, 'logout4@example.com');
      const id = jar.get('ms_session')!;
      const { res } = await send(`${app.url}/api/auth/logout`, 'POST', { jar, headers: { 'x-csrf-token': jar.get('ms_csrf')! } });
      expect(res.status).toBe(204);
      expect(await system.exists(SESSION_KEYS.session(id))).toBe(0);
      expect(setCookie(res, 'ms_session')).toMatch(/^ms_session=; Max-Age=0;/);
      expect(jar.get('ms_session')).toBeUndefined();
      const stale = new CookieJar();
      stale.set('ms_session', id);
      expect((await send(`${app.url}/api/auth/me`, 'GET', { jar: stale })).res.status).toBe(401);
    });

    it('logout-all ends every session of the user and no one else’s', async () => {
      const first = await register(app, 'many@example.com');
      const second = new CookieJar();
      await send(`${app.url}/api/auth/login`, 'POST', { jar: second, body: { email: 'many@example.com', password: PASSWORD } });
      const bystander = await register(app, 'bystander@example.com');
      const { res } = await send(`${app.url}/api/auth/logout-all`, 'POST', { jar: first.jar, headers: { 'x-csrf-token': first.jar.get('ms_csrf')! } });
      expect(res.status).toBe(204);
      expect((await send(`${app.url}/api/auth/me`, 'GET', { jar: second })).res.status).toBe(401);
      expect((await send(`${app.url}/api/auth/me`, 'GET', { jar: bystander.jar })).res.status).toBe(200);
    });
  });

  describe('requireRole', () => {
    it('answers 403 to a trader and lets an admin through', async () => {
      const { jar } = await register(app, 'trader@example.com');
      const trader = await send(`${app.url}/api/admin-only`, 'GET', { jar });
      expect(trader.res.status).toBe(403);
      expect(trader.body).toMatchObject({ statusCode: 403, message: 'this route needs the admin role', issues: [{ path: 'role', message: 'is trader; needs admin' }] });

      await app.deps.users.create({ email: 'root@example.com', passwordHash: await hashPassword(PASSWORD), role: 'admin' });
      const admin = new CookieJar();
      await send(`${app.url}/api/auth/login`, 'POST', { jar: admin, body: { email: 'root@example.com', password: PASSWORD } });
      expect((await send(`${app.url}/api/admin-only`, 'GET', { jar: admin })).body).toEqual({ ok: true });
    });

    it('answers 401 before 403 when there is no session', async () => {
      expect((await send(`${app.url}/api/admin-only`, 'GET')).res.status).toBe(401);
    });
  });
});

describe('session expiry through the router', () => {
  let redis: RedisTrio;
  let expiring: AuthTestApp;
  let sliding: AuthTestApp;

  beforeAll(async () => {
    redis = await startRedisTrio();
    expiring = await startAuthTestApp(redis.system.client(), { sessionTtlSec: 2 });
    sliding = await startAuthTestApp(redis.system.client(), { sessionTtlSec: 2, renewAfterSec: 0 });
  });

  afterAll(async () => {
    await expiring?.close();
    await sliding?.close();
    await redis?.stop();
  });

  it('answers 401 once an unused session outlived its ttl', async () => {
    const { jar } = await register(expiring, 'expire@example.com');
    expect((await send(`${expiring.url}/api/auth/me`, 'GET', { jar })).res.status).toBe(200);
    await sleep(2600);
    const after = await send(`${expiring.url}/api/auth/me`, 'GET', { jar });
    expect(after.res.status).toBe(401);
    expect(after.body).toMatchObject({ message: 'sign in first', issues: [{ message: 'the session has expired or was ended' }] });
  });

  it('keeps a session in use alive past its ttl and re-issues the cookies when it slides', async () => {
    const { jar } = await register(sliding, 'slide@example.com');
    await sleep(1300);
    const first = await send(`${sliding.url}/api/auth/me`, 'GET', { jar });
    expect(first.res.status).toBe(200);
    expect(setCookie(first.res, 'ms_session')).toContain('Max-Age=2');
    await sleep(1300);
    expect((await send(`${sliding.url}/api/auth/me`, 'GET', { jar })).res.status).toBe(200);
  });
});

describe('sign-in and sign-up limits', () => {
  let redis: RedisTrio;
  let app: AuthTestApp;

  beforeAll(async () => {
    redis = await startRedisTrio();
    app = await startAuthTestApp(redis.system.client(), {
      limits: {
        accountPerAddress: { limit: 3, windowSec: 60 },
        perAddress: { limit: 5, windowSec: 60 },
        perAccount: { limit: 6, windowSec: 600 },
        signUpsPerAddress: { limit: 5, windowSec: 3600 },
      },
    });
  });

  beforeEach(async () => {
    await redis.system.client().flushall();
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
  });

  /** As nginx sends it: the client's address in X-Forwarded-For. */
  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const login = (email: string, password: string, ip: string, jar?: CookieJar) =>
    send(`${app.url}/api/auth/login`, 'POST', { body: { email, password }, headers: from(ip), ...(jar ? { jar } : {}) });
  const signUp = (email: string, ip: string) => send(`${app.url}/api/auth/register`, 'POST', { body: { email, password: PASSWORD }, headers: from(ip) });
  const statuses = (results: { res: Response }[]) => results.map((r) => r.res.status).sort();
  const expectRetryAfter = (res: Response, atMostSec: number) => {
    const seconds = Number(res.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(atMostSec);
  };

  describe('sign-in', () => {
    it('lets only the per-account-and-address limit of parallel wrong passwords reach the password check; the rest get 429', async () => {
      await signUp('parallel@example.com', '10.0.9.9');
      const results = await Promise.all(Array.from({ length: 20 }, () => login('parallel@example.com', 'wrong password', '10.0.1.1')));
      expect(statuses(results)).toEqual([...Array<number>(3).fill(401), ...Array<number>(17).fill(429)]);
      for (const refused of results.filter((r) => r.res.status === 429)) {
        expectRetryAfter(refused.res, 60);
        expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', issues: [{ path: 'email' }] });
      }
    });

    it('lets only the per-address limit of parallel guesses across accounts reach the password check', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login(`spray${i}@example.com`, 'wrong password', '10.0.2.2')));
      expect(statuses(results)).toEqual([...Array<number>(5).fill(401), ...Array<number>(15).fill(429)]);
      const refused = results.find((r) => r.res.status === 429)!;
      expectRetryAfter(refused.res, 60);
      expect(refused.body).toMatchObject({ issues: [{ path: '(client)' }] });
      expect(refused.body?.['message']).toMatch(/^too many failed sign-ins from this address; try again in \d+ s$/);
    });

    it('refuses the right password with 429 from the address that used up the account’s failures', async () => {
      await signUp('limited@example.com', '10.0.9.9');
      for (let i = 0; i < 3; i++) expect((await login('limited@example.com', 'wrong password', '10.0.3.3')).res.status).toBe(401);
      const { res, body } = await login('limited@example.com', PASSWORD, '10.0.3.3');
      expect(res.status).toBe(429);
      expectRetryAfter(res, 60);
      expect(body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'rate-limited',
        message: expect.stringMatching(/^too many failed sign-ins for this account from this address; try again in \d+ s$/) as unknown,
        issues: [{ path: 'email', message: body?.['message'] }],
      });
    });

    it('lets the owner in from another address while an attacker is locked out of the account', async () => {
      await signUp('owner@example.com', '10.0.9.9');
      for (let i = 0; i < 3; i++) await login('owner@example.com', 'wrong password', '10.0.4.4');
      expect((await login('owner@example.com', PASSWORD, '10.0.4.4')).res.status).toBe(429);
      const owner = await login('owner@example.com', PASSWORD, '10.0.5.5');
      expect(owner.res.status).toBe(200);
      expect(owner.body).toMatchObject({ user: { email: 'owner@example.com' } });
    });

    it('once guesses from many addresses spend the per-account limit, lets the owner in from a known device and refuses a new one', async () => {
      const { jar: ownersBrowser } = await register(app, 'target@example.com');
      expect(ownersBrowser.get('ms_device')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      for (const ip of ['10.0.6.1', '10.0.6.2']) for (let i = 0; i < 3; i++) expect((await login('target@example.com', 'wrong password', ip)).res.status).toBe(401);

      const newDevice = await login('target@example.com', PASSWORD, '10.0.6.9');
      expect(newDevice.res.status).toBe(429);
      expectRetryAfter(newDevice.res, 600);
      expect(newDevice.body).toMatchObject({ issues: [{ path: 'email' }] });
      expect(newDevice.body?.['message']).toMatch(/^too many failed sign-ins for this account; sign in from a device you used before, or try again in \d+ s$/);

      expect((await login('target@example.com', PASSWORD, '10.0.6.9', ownersBrowser)).res.status).toBe(200);
      const forged = new CookieJar();
      forged.set('ms_device', 'A'.repeat(43));
      expect((await login('target@example.com', PASSWORD, '10.0.6.9', forged)).res.status).toBe(429);
    });

    it('still holds a known device to the lock of an address that used up the account’s failures', async () => {
      const { jar } = await register(app, 'shared-wifi@example.com');
      for (let i = 0; i < 3; i++) await login('shared-wifi@example.com', 'wrong password', '10.0.7.7');
      const { res, body } = await login('shared-wifi@example.com', PASSWORD, '10.0.7.7', jar);
      expect(res.status).toBe(429);
      expect(body?.['message']).toMatch(/^too many failed sign-ins for this account from this address/);
    });

    it('does not count successful sign-ins as failures', async () => {
      await signUp('regular@example.com', '10.0.9.9');
      for (let i = 0; i < 6; i++) expect((await login('regular@example.com', PASSWORD, '10.0.8.8')).res.status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await login('regular@example.com', 'wrong password', '10.0.8.8')).res.status).toBe(401);
    });

    it('forgives an address’s failures on the account once its owner signs in from there', async () => {
      await signUp('forgetful@example.com', '10.0.9.9');
      for (let i = 0; i < 2; i++) await login('forgetful@example.com', 'wrong password', '10.0.8.9');
      expect((await login('forgetful@example.com', PASSWORD, '10.0.8.9')).res.status).toBe(200);
      for (let i = 0; i < 2; i++) expect((await login('forgetful@example.com', 'wrong password', '10.0.8.9')).res.status).toBe(401);
      expect((await login('forgetful@example.com', PASSWORD, '10.0.8.9')).res.status).toBe(200);
    });
  });

  describe('known device cookie', () => {
    it('is httpOnly, Strict, sent to /api/auth only, lives 90 days, and keeps its id across sign-ins', async () => {
      const { res, jar } = await register(app, 'device@example.com');
      const cookie = setCookie(res, 'ms_device');
      expect(cookie).toMatch(/^ms_device=[A-Za-z0-9_-]{43}; Max-Age=7776000; Path=\/api\/auth; HttpOnly; SameSite=Strict$/);
      const id = jar.get('ms_device');
      await send(`${app.url}/api/auth/login`, 'POST', { jar, body: { email: 'device@example.com', password: PASSWORD } });
      expect(jar.get('ms_device')).toBe(id);
    });

    it('is not set by a failed sign-in', async () => {
      await register(app, 'nodevice@example.com');
      const { res } = await login('nodevice@example.com', 'wrong password', '10.0.10.10');
      expect(res.headers.getSetCookie()).toEqual([]);
    });
  });

  describe('sign-up', () => {
    it('lets at most the limit of parallel sign-ups from one address through; the rest get 429 with Retry-After', async () => {
      const results = await Promise.all(Array.from({ length: 25 }, (_, i) => signUp(`burst${i}@example.com`, '203.0.113.25')));
      expect(statuses(results)).toEqual([...Array<number>(5).fill(201), ...Array<number>(20).fill(429)]);
      const refused = results.find((r) => r.res.status === 429)!;
      expectRetryAfter(refused.res, 3600);
      expect(Number(refused.res.headers.get('retry-after'))).toBeGreaterThan(3500);
      expect(refused.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'rate-limited',
        message: expect.stringMatching(/^too many sign-ups from this address; try again in \d+ s$/) as unknown,
        issues: [{ path: '(client)', message: refused.body?.['message'] }],
      });
      expect(refused.res.headers.getSetCookie()).toEqual([]);
      expect((await signUp('elsewhere@example.com', '203.0.113.26')).res.status).toBe(201);
    });

    it('counts an attempt refused because the email is taken, so the route cannot test many emails', async () => {
      await signUp('taken@example.com', '10.0.9.9');
      for (let i = 0; i < 5; i++) expect((await signUp('taken@example.com', '203.0.113.30')).res.status).toBe(409);
      expect((await signUp('fresh@example.com', '203.0.113.30')).res.status).toBe(429);
    });

    it('does not count a body refused as invalid', async () => {
      for (let i = 0; i < 6; i++) {
        const { res } = await send(`${app.url}/api/auth/register`, 'POST', { body: { email: 'nope', password: PASSWORD }, headers: from('203.0.113.31') });
        expect(res.status).toBe(400);
      }
      expect((await signUp('valid@example.com', '203.0.113.31')).res.status).toBe(201);
    });

    it('limits the gateway’s own machine like any address (behind nginx every local browser is 127.0.0.1)', async () => {
      const results = await Promise.all(Array.from({ length: 7 }, (_, i) => register(app, `local${i}@example.com`)));
      expect(statuses(results)).toEqual([201, 201, 201, 201, 201, 429, 429]);
    });
  });
});

describe('sign-in limit with the default policy', () => {
  let redis: RedisTrio;
  let app: AuthTestApp;

  beforeAll(async () => {
    redis = await startRedisTrio();
    app = await startAuthTestApp(redis.system.client());
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
  });

  it('answers 40 parallel wrong passwords for one account with ten 401 and thirty 429 with Retry-After', async () => {
    await register(app, 'victim40@example.com');
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        send(`${app.url}/api/auth/login`, 'POST', { body: { email: 'victim40@example.com', password: 'wrong password' }, headers: { 'x-forwarded-for': '198.51.100.40' } }),
      ),
    );
    const refused = results.filter((r) => r.res.status === 429);
    expect(results.filter((r) => r.res.status === 401)).toHaveLength(10);
    expect(refused).toHaveLength(30);
    for (const r of refused) expect(Number(r.res.headers.get('retry-after'))).toBeGreaterThan(800);
  });
});
