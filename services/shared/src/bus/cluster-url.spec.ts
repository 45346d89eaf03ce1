import { describe, expect, it } from 'vitest';
import { isClusterUrl, parseClusterUrl } from './cluster-url.js';
import { redactUrl } from './redis-connection.js';

describe(parseClusterUrl.name, () => {
  it('reads every seed node of a redis-cluster URL', () => {
    expect(parseClusterUrl('redis-cluster://127.0.0.1:7000,127.0.0.1:7001,localhost:7002')).toEqual({
      nodes: [
        { host: '127.0.0.1', port: 7000 },
        { host: '127.0.0.1', port: 7001 },
        { host: 'localhost', port: 7002 },
      ],
      tls: false,
    });
  });

  it('reads an ACL user and password, percent-decoded, and TLS from rediss-cluster', () => {
    expect(parseClusterUrl('rediss-cluster://ops:p%40ss@10.0.0.1:7000,[::1]:7001')).toEqual({
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '::1', port: 7001 },
      ],
      username: 'ops',
      password: 'p@ss',
      tls: true,
    });
  });

  it('reads a password without a user, as redis:// URLs allow', () => {
    expect(parseClusterUrl('redis-cluster://:secret@h:1')).toMatchObject({ password: 'secret' });
    expect(parseClusterUrl('redis-cluster://:secret@h:1')).not.toHaveProperty('username');
  });

  it('refuses a node without a port, a port out of range and a URL with no node', () => {
    expect(() => parseClusterUrl('redis-cluster://127.0.0.1')).toThrow(/node "127.0.0.1": must be host:port/);
    expect(() => parseClusterUrl('redis-cluster://h:1,h:70000')).toThrow(/node "h:70000"/);
    expect(() => parseClusterUrl('redis-cluster://')).toThrow(/names no node/);
  });

  it('names no secret in its errors', () => {
    expect(() => parseClusterUrl('redis-cluster://u:hunter2@h')).toThrow(/node "h": must be host:port/);
    expect(() => parseClusterUrl('redis-cluster://u:hunter2@h')).not.toThrow(/hunter2/);
  });
});

describe(isClusterUrl.name, () => {
  it('tells a cluster URL from a single-server one', () => {
    expect(isClusterUrl('redis-cluster://h:1')).toBe(true);
    expect(isClusterUrl('rediss-cluster://h:1')).toBe(true);
    expect(isClusterUrl('redis://h:1')).toBe(false);
    expect(isClusterUrl('rediss://h:1')).toBe(false);
  });
});

describe(redactUrl.name, () => {
  it('hides the credentials of a cluster URL as of a single-server one', () => {
    expect(redactUrl('redis-cluster://u:hunter2@h:1,h:2')).toBe('redis-cluster://***@h:1,h:2');
    expect(redactUrl('redis://:hunter2@h:1')).toBe('redis://***@h:1');
  });
});
