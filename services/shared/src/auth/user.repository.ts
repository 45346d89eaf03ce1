import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { preferencesSchema, roleSchema, type Preferences, type ProfilePatch, type Role, type UserDto } from '../dto/auth.schema.js';
import { claimUnique, hdelIfExists, hsetIfExists } from './guarded-writes.js';

/** System Redis keys of accounts. */
export const USER_KEYS = {
  user: (id: string) => `user:${id}`,
  /** Unique email index: lower-cased email → user id, claimed with SET NX. */
  email: (email: string) => `user:email:${email.trim().toLowerCase()}`,
  /** Every user id, so admins can list accounts without SCAN. */
  index: 'users',
} as const;

export const DEFAULT_TIMEZONE = 'America/New_York';

/** A user as stored: the DTO plus the password hash, which never leaves the server. */
export interface StoredUser extends UserDto {
  passwordHash: string;
  /** Set by an admin: the account cannot sign in and no session of it is accepted. Absent when enabled. */
  disabled?: true;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  role: Role;
  displayName?: string;
  timezone?: string;
  preferences?: Preferences;
}

export class DuplicateEmailError extends Error {
  constructor(readonly email: string) {
    super(`user ${email} already exists`);
    this.name = 'DuplicateEmailError';
  }
}

/** `u_` and 16 url-safe characters: fits the event envelope's user id rule. */
export function newUserId(): string {
  return `u_${randomBytes(12).toString('base64url')}`;
}

export function toUserDto(user: StoredUser): UserDto {
  // `disabled` is an admin's view of the account (the admin API adds it), not part of the user's own DTO.
  const { passwordHash: _hash, disabled: _disabled, ...dto } = user;
  return dto;
}

const storedUserSchema = z.object({
  id: z.string().min(1),
  email: z.string().min(1),
  role: roleSchema,
  passwordHash: z.string().min(1),
  displayName: z.string(),
  timezone: z.string(),
  preferences: z.string().transform((text) => preferencesSchema.parse(JSON.parse(text))),
  createdAt: z.string(),
  disabled: z.literal('1').optional(),
});

function fromHash(fields: Record<string, string>): StoredUser | null {
  if (Object.keys(fields).length === 0) return null;
  const parsed = storedUserSchema.safeParse(fields);
  if (!parsed.success) throw new Error(`stored user ${fields['id'] ?? '?'} is corrupt: ${parsed.error.message}`);
  const { disabled, ...user } = parsed.data;
  return disabled ? { ...user, disabled: true } : user;
}

function toHash(user: StoredUser): Record<string, string> {
  const { disabled, ...rest } = user;
  return { ...rest, preferences: JSON.stringify(user.preferences), ...(disabled ? { disabled: '1' } : {}) };
}

/** Accounts in system Redis: `user:<id>` hashes, the unique email index and the `users` set. */
export class UserRepository {
  constructor(
    private readonly redis: Redis,
    private readonly now: () => number = Date.now,
  ) {}

  /** Claims the email first (SET NX), so of two concurrent registrations exactly one wins. */
  async create(input: NewUser): Promise<StoredUser> {
    const email = input.email.trim().toLowerCase();
    const user: StoredUser = {
      id: newUserId(),
      email,
      role: input.role,
      passwordHash: input.passwordHash,
      displayName: input.displayName ?? email.split('@')[0] ?? email,
      timezone: input.timezone ?? DEFAULT_TIMEZONE,
      preferences: input.preferences ?? {},
      createdAt: new Date(this.now()).toISOString(),
    };
    const claimed = await claimUnique(
      this.redis,
      USER_KEYS.email(email),
      user.id,
      async () => {
        await this.redis.hset(USER_KEYS.user(user.id), toHash(user));
        await this.redis.sadd(USER_KEYS.index, user.id);
      },
      () => this.redis.del(USER_KEYS.user(user.id)),
    );
    if (!claimed) throw new DuplicateEmailError(email);
    return user;
  }

  async findById(id: string): Promise<StoredUser | null> {
    return fromHash(await this.redis.hgetall(USER_KEYS.user(id)));
  }

  async findByEmail(email: string): Promise<StoredUser | null> {
    const id = await this.redis.get(USER_KEYS.email(email));
    return id ? this.findById(id) : null;
  }

  /** Applies a validated profile patch; null when the user does not exist. */
  async update(id: string, patch: ProfilePatch): Promise<StoredUser | null> {
    const fields: string[] = [];
    if (patch.displayName !== undefined) fields.push('displayName', patch.displayName);
    if (patch.timezone !== undefined) fields.push('timezone', patch.timezone);
    if (patch.preferences !== undefined) fields.push('preferences', JSON.stringify(patch.preferences));
    if (fields.length > 0 && !(await hsetIfExists(this.redis, USER_KEYS.user(id), ...fields))) return null;
    return this.findById(id);
  }

  /** Disables or enables the account; null when the user does not exist. Ending its sessions is the caller's step. */
  async setDisabled(id: string, disabled: boolean): Promise<StoredUser | null> {
    const key = USER_KEYS.user(id);
    const found = disabled ? await hsetIfExists(this.redis, key, 'disabled', '1') : await hdelIfExists(this.redis, key, 'disabled');
    return found ? this.findById(id) : null;
  }

  /** Changes the account's role; null when the user does not exist. Live sessions see it at their next request. */
  async setRole(id: string, role: Role): Promise<StoredUser | null> {
    return (await hsetIfExists(this.redis, USER_KEYS.user(id), 'role', role)) ? this.findById(id) : null;
  }

  /** Every account, oldest first. */
  async list(): Promise<StoredUser[]> {
    const ids = await this.redis.smembers(USER_KEYS.index);
    if (ids.length === 0) return [];
    // One read per account, sent back to back: a pipeline may only span one Redis Cluster slot.
    const records = await Promise.all(ids.map((id) => this.redis.hgetall(USER_KEYS.user(id))));
    const users: StoredUser[] = [];
    for (const fields of records) {
      const user = fromHash(fields);
      if (user) users.push(user);
    }
    return users.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.email.localeCompare(b.email));
  }
}
