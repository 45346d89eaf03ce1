import { z } from 'zod';

/**
 * A Redis Cluster address list in one URL, so the bus URLs (REDIS_SYSTEM_URL, REDIS_MARKET_URL,
 * REDIS_INTEL_URL and truth) can name a cluster where they name a single server:
 *
 *   redis-cluster://127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002
 *   rediss-cluster://user:secret@10.0.0.1:7000,10.0.0.2:7000      (TLS, ACL user)
 *
 * The nodes are only seeds: the client discovers the whole cluster (every master and replica)
 * from any one of them, so one reachable seed is enough to start.
 */
export interface ClusterUrl {
  nodes: { host: string; port: number }[];
  username?: string;
  password?: string;
  tls: boolean;
}

const CLUSTER_SCHEME = /^(rediss?)-cluster:\/\//;

export function isClusterUrl(url: string): boolean {
  return CLUSTER_SCHEME.test(url);
}

const nodeSchema = z.string().regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/, 'must be host:port');

/** Parses a `redis-cluster://` URL; throws one message naming what is wrong. */
export function parseClusterUrl(url: string): ClusterUrl {
  const scheme = CLUSTER_SCHEME.exec(url);
  if (!scheme) throw new Error('not a Redis Cluster URL: redis-cluster://host:port,host:port…');
  let rest = url.slice(scheme[0].length).replace(/\/.*$/, '');
  let username: string | undefined;
  let password: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const auth = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const colon = auth.indexOf(':');
    const user = decodeURIComponent(colon >= 0 ? auth.slice(0, colon) : '');
    const secret = decodeURIComponent(colon >= 0 ? auth.slice(colon + 1) : auth);
    if (user) username = user;
    if (secret) password = secret;
  }
  const nodes = rest.split(',').filter((part) => part !== '');
  if (nodes.length === 0) throw new Error('Redis Cluster URL names no node: redis-cluster://host:port,host:port…');
  return {
    nodes: nodes.map((node) => {
      const parsed = nodeSchema.safeParse(node);
      const port = Number(node.slice(node.lastIndexOf(':') + 1));
      if (!parsed.success || port < 1 || port > 65535) throw new Error(`Redis Cluster URL node "${node}": must be host:port with a port from 1 to 65535`);
      return { host: node.slice(0, node.lastIndexOf(':')).replace(/^\[|\]$/g, ''), port };
    }),
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    tls: scheme[1] === 'rediss',
  };
}
