import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionRepository, UserRepository } from '@marketswarm/shared/auth';
import { startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import type { StoredTruth } from '@marketswarm/shared/truth';
import { AdminRepository } from './admin.repository.js';
import { AdminService } from './admin.service.js';

/** The audit trail of account actions, read back from the service's logger over a real system Redis. */
describe(`${AdminService.name} audit`, () => {
  let redis: RedisServerHandle;
  let admin: AdminService;
  let users: UserRepository;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    const system = redis.client();
    users = new UserRepository(system);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    admin = new AdminService({
      repository: new AdminRepository(system, users, new SessionRepository(system, { ttlSec: 3600 })),
      truth: (): StoredTruth => {
        throw new Error('the account actions read no truth');
      },
      connections: () => [],
      streams: () => Promise.resolve({ streams: [] }),
      truthFiles: () => Promise.resolve({ state: 'absent', version: null, truth: null }),
      audit: pino({ level: 'info' }, sink),
    });
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('logs who did what to which account, with the sessions a disable ended', async () => {
    const ops = await users.create({ email: 'ops@example.com', passwordHash: 'h', role: 'admin' });
    const dan = await users.create({ email: 'dan@example.com', passwordHash: 'h', role: 'trader' });
    const actor = { id: ops.id, email: ops.email };
    await admin.disable(actor, dan.id);
    await admin.enable(actor, dan.id);
    await admin.setRole(actor, dan.id, 'admin');
    await admin.endSessions(actor, dan.id);
    expect(lines.map((l) => [l['action'], l['adminId'], l['userId']])).toEqual([
      ['disable', ops.id, dan.id],
      ['enable', ops.id, dan.id],
      ['set-role', ops.id, dan.id],
      ['end-sessions', ops.id, dan.id],
    ]);
    expect(lines[0]).toMatchObject({ audit: 'admin', adminEmail: 'ops@example.com', userEmail: 'dan@example.com', endedSessions: 0, msg: 'admin disable' });
    expect(lines[2]).toMatchObject({ from: 'trader', to: 'admin' });
  });

  it('logs nothing for a refused action', async () => {
    const before = lines.length;
    const ops = await users.create({ email: 'ops2@example.com', passwordHash: 'h', role: 'admin' });
    await expect(admin.disable({ id: ops.id, email: ops.email }, ops.id)).rejects.toMatchObject({ statusCode: 409 });
    await expect(admin.enable({ id: ops.id, email: ops.email }, 'u_nobody')).rejects.toMatchObject({ statusCode: 404 });
    expect(lines.length).toBe(before);
  });
});
