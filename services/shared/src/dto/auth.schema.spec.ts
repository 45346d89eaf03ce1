import { describe, expect, it } from 'vitest';
import { isValidTimeZone, loginBodySchema, profilePatchSchema, registerBodySchema, userDtoSchema } from './auth.schema.js';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('registerBodySchema / loginBodySchema', () => {
  it('accepts an email and a password, trimming and lower-casing the email', () => {
    for (const schema of [registerBodySchema, loginBodySchema]) {
      expect(schema.parse({ email: '  Ann@Example.COM ', password: 'longpassword1' })).toEqual({ email: 'ann@example.com', password: 'longpassword1' });
    }
  });

  it('accepts passwords of 8 and 256 characters', () => {
    expect(registerBodySchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(8) }).success).toBe(true);
    expect(registerBodySchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(256) }).success).toBe(true);
  });

  it('names each bad field with a clear reason', () => {
    expect(issues(registerBodySchema.safeParse({ email: 'nope', password: 'short' }))).toEqual([
      { path: 'email', message: 'must be a valid email address such as ann@example.com' },
      { path: 'password', message: 'must be at least 8 characters' },
    ]);
    expect(issues(loginBodySchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(257) }))).toEqual([{ path: 'password', message: 'must be at most 256 characters' }]);
    expect(issues(loginBodySchema.safeParse({}))).toEqual([
      { path: 'email', message: 'is required' },
      { path: 'password', message: 'is required' },
    ]);
    expect(issues(loginBodySchema.safeParse({ email: 42, password: 'longpassword1' }))).toEqual([{ path: 'email', message: 'must be a string' }]);
  });

  it('refuses unknown fields (a client cannot ask for a role)', () => {
    expect(issues(registerBodySchema.safeParse({ email: 'a@b.co', password: 'longpassword1', role: 'admin' }))).toEqual([{ path: '', message: 'Unrecognized key: "role"' }]);
  });
});

describe(isValidTimeZone.name, () => {
  it('accepts IANA zones, UTC and legacy aliases', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'UTC', 'Etc/UTC', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires']) expect(isValidTimeZone(zone), zone).toBe(true);
  });

  it('refuses unknown zones, offsets and junk', () => {
    for (const zone of ['Mars/Olympus_Mons', '+05:00', 'GMT+5 ', '', '../etc/passwd', 'America/New York']) expect(isValidTimeZone(zone), zone).toBe(false);
  });
});

describe('profilePatchSchema', () => {
  it('accepts any subset of display name, time zone and preferences', () => {
    expect(profilePatchSchema.parse({ displayName: '  Ann  ' })).toEqual({ displayName: 'Ann' });
    expect(profilePatchSchema.parse({ timezone: 'Europe/Berlin', preferences: { theme: 'dark', cols: [1, 2] } })).toEqual({
      timezone: 'Europe/Berlin',
      preferences: { theme: 'dark', cols: [1, 2] },
    });
  });

  it('limits the display name to 1–80 characters', () => {
    expect(profilePatchSchema.safeParse({ displayName: 'x'.repeat(80) }).success).toBe(true);
    expect(issues(profilePatchSchema.safeParse({ displayName: 'x'.repeat(81) }))).toEqual([{ path: 'displayName', message: 'must be at most 80 characters' }]);
    expect(issues(profilePatchSchema.safeParse({ displayName: '   ' }))).toEqual([{ path: 'displayName', message: 'must not be empty' }]);
  });

  it('names a bad time zone', () => {
    expect(issues(profilePatchSchema.safeParse({ timezone: 'Mars/Olympus_Mons' }))).toEqual([
      { path: 'timezone', message: 'must be an IANA time zone such as America/New_York or UTC' },
    ]);
  });

  it('takes preferences as a JSON object of at most 16 KB', () => {
    expect(profilePatchSchema.safeParse({ preferences: { notes: 'x'.repeat(16_000) } }).success).toBe(true);
    expect(issues(profilePatchSchema.safeParse({ preferences: { notes: 'x'.repeat(16_400) } }))).toEqual([
      { path: 'preferences', message: 'must be at most 16384 bytes as JSON (got 16412)' },
    ]);
    expect(issues(profilePatchSchema.safeParse({ preferences: ['a'] }))).toEqual([{ path: 'preferences', message: 'must be a JSON object' }]);
    expect(issues(profilePatchSchema.safeParse({ preferences: 'dark' }))).toEqual([{ path: 'preferences', message: 'must be a JSON object' }]);
  });

  it('counts preference size in UTF-8 bytes, not characters', () => {
    expect(profilePatchSchema.safeParse({ preferences: { notes: 'é'.repeat(8_000) } }).success).toBe(true);
    expect(profilePatchSchema.safeParse({ preferences: { notes: 'é'.repeat(8_200) } }).success).toBe(false);
  });

  it('refuses an empty patch and fields a user may not change', () => {
    expect(issues(profilePatchSchema.safeParse({}))).toEqual([{ path: '', message: 'name at least one of displayName, timezone, preferences' }]);
    expect(issues(profilePatchSchema.safeParse({ role: 'admin' }))).toEqual([{ path: '', message: 'Unrecognized key: "role"' }]);
  });
});

describe('userDtoSchema', () => {
  const user = {
    id: 'u_abc',
    email: 'ann@example.com',
    role: 'trader',
    displayName: 'Ann',
    timezone: 'UTC',
    preferences: {},
    createdAt: '2026-11-22T15:00:00.000Z',
  };

  it('describes a user as the API returns it', () => {
    expect(userDtoSchema.parse(user)).toEqual(user);
  });

  it('has no room for the password hash or an unknown role', () => {
    expect(userDtoSchema.safeParse({ ...user, passwordHash: '$argon2id$…' }).success).toBe(false);
    expect(issues(userDtoSchema.safeParse({ ...user, role: 'root' }))).toEqual([{ path: 'role', message: 'must be "trader" or "admin"' }]);
  });
});
