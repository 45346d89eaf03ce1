import type { Redis } from 'ioredis';
import { toUserDto, UserRepository } from '@marketswarm/shared/auth';
import type { UserDto } from '@marketswarm/shared/dto';
import { heartbeatKey, parseHeartbeat, type HeartbeatRecord } from '@marketswarm/shared/heartbeat';

/** What the operator views read from system Redis: heartbeats and accounts. */
export class AdminRepository {
  private readonly users: UserRepository;

  constructor(private readonly system: Redis) {
    this.users = new UserRepository(system);
  }

  /** Each service's last heartbeat, in the order asked; null when missing or unreadable. */
  async heartbeats(serviceIds: readonly string[]): Promise<(HeartbeatRecord | null)[]> {
    if (serviceIds.length === 0) return [];
    const raw = await this.system.mget(...serviceIds.map(heartbeatKey));
    return raw.map((text) => parseHeartbeat(text));
  }

  /** Every account, without password hashes. */
  async listUsers(): Promise<UserDto[]> {
    return (await this.users.list()).map(toUserDto);
  }
}
