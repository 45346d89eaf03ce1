import { SESSION_COOKIE, toUserDto, type UserRepository } from '@marketswarm/shared/auth';
import type { ProfilePatch, UserDto } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';

/** A user's own profile: display name, time zone, preferences (the shared UserRepository is its repository). */
export class ProfileService {
  constructor(private readonly users: UserRepository) {}

  async get(userId: string): Promise<UserDto> {
    return toUserDto(this.existing(userId, await this.users.findById(userId)));
  }

  async update(userId: string, patch: ProfilePatch): Promise<UserDto> {
    return toUserDto(this.existing(userId, await this.users.update(userId, patch)));
  }

  private existing<T>(userId: string, user: T | null): T {
    if (!user) throw new DomainError('not-found', `account ${userId} no longer exists`, { issues: [{ path: SESSION_COOKIE, message: 'belongs to a deleted account' }] });
    return user;
  }
}
