import type { StoredUser } from '@marketswarm/shared/auth';
import {
  TRUTH_DIFF_LIMIT,
  type AdminTruthView,
  type AdminUser,
  type AdminUsersView,
  type GatewaysView,
  type RecoveryReset,
  type RecoveryView,
  type Role,
  type ServicesView,
  type StreamsView,
} from '@marketswarm/shared/dto';
import { ageSec, heartbeatState } from '@marketswarm/shared/heartbeat';
import { HttpError } from '@marketswarm/shared/http';
import type { Logger } from '@marketswarm/shared/logger';
import { resolveResetTarget } from '@marketswarm/shared/ops';
import type { StoredTruth } from '@marketswarm/shared/truth';
import type { ConnectionStats } from '../streaming/subscriber-registry.js';
import type { AdminRepository } from './admin.repository.js';
import type { ConnectionsView, HeartbeatsView } from './admin.schemas.js';
import { servicesView } from './services-view.js';
import { truthDiff } from './truth-diff.js';
import type { TruthFiles } from './truth-files.js';

export interface AdminServiceDeps {
  repository: AdminRepository;
  truth: () => StoredTruth;
  /** This gateway's open streams (the subscriber registry). */
  connections: () => ConnectionStats[];
  /** Every topic stream with its length, retention and each live gateway's lag. */
  streams: () => Promise<StreamsView>;
  /** The compiled truth on disk (scripts/truth.json). */
  truthFiles: () => Promise<TruthFiles>;
  /** Where admin actions are recorded (who did what to whom). */
  audit: Logger;
  now?: () => number;
}

/** The admin who acts, for the audit log and the rules about acting on oneself. */
export interface Actor {
  id: string;
  email: string;
}

/** Operator views (services, truth, streams, gateways, recovery, accounts) and the account actions. */
export class AdminService {
  constructor(private readonly deps: AdminServiceDeps) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  connections(): ConnectionsView {
    const connections = this.deps.connections();
    const byRoute = new Map<string, number>();
    for (const c of connections) byRoute.set(c.route, (byRoute.get(c.route) ?? 0) + 1);
    return { total: connections.length, byRoute: Object.fromEntries(byRoute), connections };
  }

  /** Every component that declares a heartbeat, fresh, stale or missing. */
  async heartbeats(): Promise<HeartbeatsView> {
    const components = Object.values(this.deps.truth().doc.components).filter((c) => c.heartbeat);
    const records = await this.deps.repository.heartbeats(components.map((c) => c.id));
    const now = this.now();
    return { services: components.map((c, i) => ({ id: c.id, state: heartbeatState(records[i] ?? null, now), heartbeat: records[i] ?? null })) };
  }

  /** Every process of truth with its heartbeat and the watch's score, restarts and memory. */
  async services(): Promise<ServicesView> {
    const components = Object.values(this.deps.truth().doc.components)
      .filter((c) => c.meta.pm2 !== undefined || c.heartbeat !== undefined)
      .map((c) => ({ id: c.id, pm2: c.meta.pm2 ?? null, heartbeat: c.heartbeat !== undefined }));
    const [report, recoveryStates] = await Promise.all([this.deps.repository.healthReport(), this.deps.repository.recoveryStates()]);
    // Services the watch reports beyond truth (a second gateway, `sse-2`) beat under their own ids.
    const extra = (report?.services ?? []).filter((s) => s.checks.heartbeat !== 'none' && !components.some((c) => c.id === s.id)).map((s) => s.id);
    const ids = [...components.filter((c) => c.heartbeat).map((c) => c.id), ...extra];
    const records = await this.deps.repository.heartbeats(ids);
    const heartbeats = new Map(ids.map((id, i) => [id, records[i] ?? null]));
    return servicesView(components, heartbeats, report, this.now(), recoveryStates);
  }

  /**
   * The loaded truth (version, load time, node settings, components), how it differs from the
   * compiled files on disk, and which settings each running process needs a restart for. Secrets
   * are never compared: they are not in the files and are left out of the loaded side.
   */
  async truth(): Promise<AdminTruthView> {
    const { version, ts, doc } = this.deps.truth();
    const { secrets: _secrets, ...loaded } = doc;
    const files = await this.deps.truthFiles();
    const diff = files.truth ? truthDiff(loaded, files.truth) : [];
    const withBeat = Object.values(doc.components).filter((c) => c.heartbeat);
    const records = await this.deps.repository.heartbeats(withBeat.map((c) => c.id));
    return {
      version,
      loadedAt: new Date(ts).toISOString(),
      node: doc.node,
      components: Object.keys(doc.components),
      files: { state: files.state, version: files.version, diff: diff.slice(0, TRUTH_DIFF_LIMIT), truncated: diff.length > TRUTH_DIFF_LIMIT },
      restartNeeded: withBeat.map((c, i) => ({ component: c.id, settings: records[i]?.restartNeeded ?? [] })).filter((r) => r.settings.length > 0),
    };
  }

  streams(): Promise<StreamsView> {
    return this.deps.streams();
  }

  async gateways(): Promise<GatewaysView> {
    const now = this.now();
    const gateways = await this.deps.repository.gateways(now);
    return { gateways: gateways.map(({ cursors: _cursors, ...g }) => ({ ...g, ageSec: ageSec(g.ts, now) })) };
  }

  async recovery(limit: number): Promise<RecoveryView> {
    return this.deps.repository.recovery(limit);
  }

  /**
   * The admin page's form of `./admin status --reset`: the watch may restart the service again. The
   * same rule as the CLI names what may be reset, from what the gateway can see without pm2.
   */
  async resetRecovery(actor: Actor, service: string): Promise<RecoveryReset> {
    const [report, recoveryIds] = await Promise.all([this.deps.repository.healthReport(), this.deps.repository.recoveryIds()]);
    const target = resolveResetTarget(service, { truth: this.deps.truth().doc, report, recoveryIds });
    if (!target.ok) throw new HttpError(404, target.error, [{ path: 'service', message: 'names no service the watch keeps recovery state for' }]);
    const existed = await this.deps.repository.resetRecovery(target.id, `reset by ${actor.email} from the admin page`);
    this.deps.audit.info({ audit: 'admin', action: 'reset-recovery', adminId: actor.id, adminEmail: actor.email, service: target.id, requested: service, existed }, 'admin reset-recovery');
    return { service: target.id, existed };
  }

  async users(): Promise<AdminUsersView> {
    const users = await this.deps.repository.listUsers();
    return { users: await Promise.all(users.map((u) => this.adminUser(u))) };
  }

  /** Disables the account and ends its sessions at once (their streams close); an admin cannot lock themself out. */
  async disable(actor: Actor, id: string): Promise<AdminUser> {
    if (id === actor.id) throw new HttpError(409, 'you cannot disable your own account', [{ path: 'id', message: 'is your own account; another admin must disable it' }]);
    const user = this.found(await this.deps.repository.setDisabled(id, true), id);
    const ended = await this.deps.repository.endSessions(id);
    this.audit(actor, 'disable', user, { endedSessions: ended });
    return this.adminUser(user);
  }

  async enable(actor: Actor, id: string): Promise<AdminUser> {
    const user = this.found(await this.deps.repository.setDisabled(id, false), id);
    this.audit(actor, 'enable', user);
    return this.adminUser(user);
  }

  /** The new role applies at the user's next request: every request reads the account's current role. */
  async setRole(actor: Actor, id: string, role: Role): Promise<AdminUser> {
    if (id === actor.id && role !== 'admin') {
      throw new HttpError(409, 'you cannot remove your own admin role', [{ path: 'id', message: 'is your own account; another admin must change its role' }]);
    }
    const before = this.found(await this.deps.repository.findUser(id), id);
    const user = this.found(await this.deps.repository.setRole(id, role), id);
    this.audit(actor, 'set-role', user, { from: before.role, to: role });
    return this.adminUser(user);
  }

  async endSessions(actor: Actor, id: string): Promise<{ ended: number }> {
    const user = this.found(await this.deps.repository.findUser(id), id);
    const ended = await this.deps.repository.endSessions(id);
    this.audit(actor, 'end-sessions', user, { endedSessions: ended });
    return { ended };
  }

  private async adminUser(user: StoredUser): Promise<AdminUser> {
    const { passwordHash: _hash, disabled, ...dto } = user;
    return { ...dto, disabled: disabled === true, sessions: await this.deps.repository.sessionCount(user.id) };
  }

  private found(user: StoredUser | null, id: string): StoredUser {
    if (!user) throw new HttpError(404, `no user "${id}"`, [{ path: 'id', message: 'names no account' }]);
    return user;
  }

  private audit(actor: Actor, action: string, target: StoredUser, extra: Record<string, unknown> = {}): void {
    this.deps.audit.info({ audit: 'admin', action, adminId: actor.id, adminEmail: actor.email, userId: target.id, userEmail: target.email, ...extra }, `admin ${action}`);
  }
}
