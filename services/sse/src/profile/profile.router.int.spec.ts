import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisTrio, type RedisTrio } from '@marketswarm/shared/testing';
import { CookieJar, send, startAuthTestApp, type AuthTestApp } from '../auth/testing/auth-test-app.js';

describe('profile router', () => {
  let redis: RedisTrio;
  let app: AuthTestApp;
  let jar: CookieJar;
  let userId: string;
  const csrf = () => ({ 'x-csrf-token': jar.get('ms_csrf')! });

  beforeAll(async () => {
    redis = await startRedisTrio();
    app = await startAuthTestApp(redis.system.client());
    jar = new CookieJar();
    const { body } = await send(`${app.url}/api/auth/register`, 'POST', { jar, body: { email: 'pat@example.com', password: 'long enough pw' } });
    userId = (body?.['user'] as { id: string }).id;
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
  });

  it('GET / returns the signed-in user, and 401 without a session', async () => {
    const { res, body } = await send(`${app.url}/api/profile`, 'GET', { jar });
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ user: { id: userId, email: 'pat@example.com', displayName: 'pat' } });
    const anonymous = await send(`${app.url}/api/profile`, 'GET');
    expect(anonymous.res.status).toBe(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: 'sign in first' });
  });

  it('PATCH / updates display name, time zone and preferences, and they persist', async () => {
    const patch = { displayName: '  Pat Trader ', timezone: 'Europe/London', preferences: { theme: 'dark', layout: { columns: 3 } } };
    const { res, body } = await send(`${app.url}/api/profile`, 'PATCH', { jar, body: patch, headers: csrf() });
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ user: { displayName: 'Pat Trader', timezone: 'Europe/London', preferences: patch.preferences } });
    expect((await send(`${app.url}/api/profile`, 'GET', { jar })).body).toEqual(body);
    expect((await send(`${app.url}/api/auth/me`, 'GET', { jar })).body).toEqual(body);
  });

  it('PATCH / with a bad time zone answers 400 with issues[0].path timezone and changes nothing', async () => {
    const { res, body } = await send(`${app.url}/api/profile`, 'PATCH', { jar, body: { timezone: 'Mars/Olympus_Mons', displayName: 'Renamed' }, headers: csrf() });
    expect(res.status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', issues: [{ path: 'timezone', message: 'must be an IANA time zone such as America/New_York or UTC' }] });
    expect((await send(`${app.url}/api/profile`, 'GET', { jar })).body).toMatchObject({ user: { displayName: 'Pat Trader', timezone: 'Europe/London' } });
  });

  it('PATCH / refuses fields a user may not set, oversized preferences and an empty patch, naming the field', async () => {
    const role = await send(`${app.url}/api/profile`, 'PATCH', { jar, body: { role: 'admin' }, headers: csrf() });
    expect(role.res.status).toBe(400);
    expect(role.body).toMatchObject({ issues: [{ path: '(root)', message: 'Unrecognized key: "role"' }] });
    const big = await send(`${app.url}/api/profile`, 'PATCH', { jar, body: { preferences: { notes: 'x'.repeat(17_000) } }, headers: csrf() });
    expect(big.res.status).toBe(400);
    expect(big.body).toMatchObject({ issues: [{ path: 'preferences', message: expect.stringMatching(/^must be at most 16384 bytes as JSON/) as unknown }] });
    const name = await send(`${app.url}/api/profile`, 'PATCH', { jar, body: { displayName: ' ' }, headers: csrf() });
    expect(name.body).toMatchObject({ issues: [{ path: 'displayName', message: 'must not be empty' }] });
    const empty = await send(`${app.url}/api/profile`, 'PATCH', { jar, body: {}, headers: csrf() });
    expect(empty.res.status).toBe(400);
    expect(empty.body).toMatchObject({ issues: [{ message: 'name at least one of displayName, timezone, preferences' }] });
  });

  it('PATCH / needs the X-CSRF-Token header', async () => {
    const { res, body } = await send(`${app.url}/api/profile`, 'PATCH', { jar, body: { displayName: 'Sneaky' } });
    expect(res.status).toBe(403);
    expect(body).toMatchObject({ issues: [{ path: 'X-CSRF-Token' }] });
    expect((await send(`${app.url}/api/profile`, 'GET', { jar })).body).toMatchObject({ user: { displayName: 'Pat Trader' } });
  });

  it('PATCH / with malformed JSON answers the shared 400 body', async () => {
    const { res, body } = await send(`${app.url}/api/profile`, 'PATCH', { jar, rawBody: '{"displayName":', headers: csrf() });
    expect(res.status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, message: 'request body is not valid JSON', issues: [{ path: '(body)' }] });
  });
});
