import type { Redis } from 'ioredis';
import { DuplicateEmailError, hashPassword, UserRepository, type StoredUser } from '@marketswarm/shared/auth';
import { registerBodySchema, roleSchema, type Role } from '@marketswarm/shared/dto';
import { CliError } from '../ui/output.js';

export interface AddUserInput {
  email: string;
  password: string;
  role: string;
}

/** Validates with the same schema as `POST /api/auth/register`, then creates the account. */
export async function addUser(redis: Redis, input: AddUserInput): Promise<StoredUser> {
  const role = parseRole(input.role);
  const parsed = registerBodySchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) {
    throw new CliError(parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`).join('\n'));
  }
  try {
    return await new UserRepository(redis).create({ email: parsed.data.email, passwordHash: await hashPassword(parsed.data.password), role });
  } catch (error) {
    if (error instanceof DuplicateEmailError) throw new CliError(`user ${parsed.data.email} already exists`);
    throw error;
  }
}

export function listUsers(redis: Redis): Promise<StoredUser[]> {
  return new UserRepository(redis).list();
}

function parseRole(value: string): Role {
  const role = roleSchema.safeParse(value);
  if (!role.success) throw new CliError(`--role ${value}: must be trader or admin`);
  return role.data;
}
