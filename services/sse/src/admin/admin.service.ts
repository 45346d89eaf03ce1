import { heartbeatState } from '@marketswarm/shared/heartbeat';
import type { StoredTruth } from '@marketswarm/shared/truth';
import type { ConnectionStats } from '../streaming/subscriber-registry.js';
import type { AdminRepository } from './admin.repository.js';
import type { ConnectionsView, HeartbeatsView, TruthView, UsersView } from './admin.schemas.js';

export interface AdminServiceDeps {
  repository: AdminRepository;
  truth: () => StoredTruth;
  /** This gateway's open streams (the subscriber registry). */
  connections: () => ConnectionStats[];
  now?: () => number;
}

/** Operator views: aggregate stream counts and lag, heartbeats, truth version, accounts. */
export class AdminService {
  constructor(private readonly deps: AdminServiceDeps) {}

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
    const now = (this.deps.now ?? Date.now)();
    return { services: components.map((c, i) => ({ id: c.id, state: heartbeatState(records[i] ?? null, now), heartbeat: records[i] ?? null })) };
  }

  truth(): TruthView {
    const { version, ts, doc } = this.deps.truth();
    return { version, loadedAt: new Date(ts).toISOString(), node: doc.node, components: Object.keys(doc.components) };
  }

  async users(): Promise<UsersView> {
    return { users: await this.deps.repository.listUsers() };
  }
}
