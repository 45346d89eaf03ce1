import type { Redis } from 'ioredis';
import type { Role } from '@marketswarm/shared/dto';
import type { SessionRepository, StoredUser, UserRepository } from '@marketswarm/shared/auth';
import { readHeartbeats, type HeartbeatRecord } from '@marketswarm/shared/heartbeat';
import {
  OPS_KEYS,
  readGatewayPresences,
  readHealthReport,
  readRecoveryLog,
  readRecoveryStates,
  resetRecoveryState,
  type GatewayPresence,
  type HealthReport,
  type RecoveryAction,
  type RecoveryState,
} from '@marketswarm/shared/ops';

/**
 * What the operator views read from system Redis and the account changes they make: heartbeats,
 * the watch's records, gateway presence, accounts and their sessions. One key per command, so it
 * runs unchanged on a Redis Cluster.
 */
export class AdminRepository {
  constructor(
    private readonly system: Redis,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
  ) {}

  /** Each service's last heartbeat, in the order asked; null when missing or unreadable. */
  async heartbeats(serviceIds: readonly string[]): Promise<(HeartbeatRecord | null)[]> {
    const records = await readHeartbeats(this.system, serviceIds);
    return serviceIds.map((id) => records.get(id) ?? null);
  }

  /** The watch's last report, or null when no watch has written one (or it expired). */
  async healthReport(): Promise<HealthReport | null> {
    return (await readHealthReport(this.system)).report;
  }

  /** The watch's recovery state per service (attempts, whether it gave up). */
  recoveryStates(): Promise<Map<string, RecoveryState>> {
    return readRecoveryStates(this.system);
  }

  /** The newest recovery actions first, and the watch's state per service. */
  async recovery(limit: number): Promise<{ actions: RecoveryAction[]; states: Record<string, RecoveryState> }> {
    const [actions, states] = await Promise.all([readRecoveryLog(this.system, limit), readRecoveryStates(this.system)]);
    return { actions, states: Object.fromEntries(states) };
  }

  /** Every service the recovery state hash holds, readable or not: each is one a reset may clear. */
  recoveryIds(): Promise<string[]> {
    return this.system.hkeys(OPS_KEYS.recoveryState);
  }

  /** Clears the failed mark and the attempts, and logs the reset; false when the service had no state. */
  resetRecovery(service: string, reason: string): Promise<boolean> {
    return resetRecoveryState(this.system, service, reason);
  }

  /** Every gateway whose presence record is recent, by instance name. */
  gateways(now: number): Promise<GatewayPresence[]> {
    return readGatewayPresences(this.system, now);
  }

  listUsers(): Promise<StoredUser[]> {
    return this.users.list();
  }

  findUser(id: string): Promise<StoredUser | null> {
    return this.users.findById(id);
  }

  setDisabled(id: string, disabled: boolean): Promise<StoredUser | null> {
    return this.users.setDisabled(id, disabled);
  }

  setRole(id: string, role: Role): Promise<StoredUser | null> {
    return this.users.setRole(id, role);
  }

  /** How many live sessions the user has (expired ones are pruned from the index on the way). */
  async sessionCount(userId: string): Promise<number> {
    return (await this.sessions.listForUser(userId)).length;
  }

  /** Ends every session of the user; the gateways' session watch closes their open streams. */
  endSessions(userId: string): Promise<number> {
    return this.sessions.deleteAllForUser(userId);
  }
}
