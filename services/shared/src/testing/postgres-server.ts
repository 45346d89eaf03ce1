import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';
import { trackChild } from './child-registry.js';

export interface PostgresServerHandle {
  port: number;
  /** Superuser `postgres`, trust authentication, database `postgres`. */
  url: string;
  pid: number;
  /** The same server, another database: `urlFor('journal_a1')`. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const PG_LIB = '/usr/lib/postgresql';

/** The newest Debian PostgreSQL server binaries (`/usr/lib/postgresql/<major>/bin`), whatever the major. */
export function postgresBinDir(): string {
  const majors = existsSync(PG_LIB)
    ? readdirSync(PG_LIB)
        .filter((name) => /^\d+$/.test(name) && existsSync(path.join(PG_LIB, name, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0) throw new Error(`PostgreSQL server binaries not found under ${PG_LIB}/*/bin (run ./admin setup, or apt-get install -y postgresql)`);
  return path.join(PG_LIB, majors[0]!, 'bin');
}

/**
 * initdb and postgres refuse to run as root. As root we run them as Debian's `postgres` user (the
 * package creates it) or, on a machine without one, as `nobody`; anyone else runs them as themselves.
 */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'));
  for (const name of ['postgres', 'nobody']) {
    const entry = passwd.find((fields) => fields[0] === name);
    if (entry) return { uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  throw new Error('running as root and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

/**
 * Starts a throwaway PostgreSQL on a free loopback port, its cluster in a temp folder. Durability is
 * switched off (fsync, synchronous commit, full-page writes): the data dies with the test anyway.
 */
export async function startPostgresServer(): Promise<PostgresServerHandle> {
  const bin = postgresBinDir();
  const user = serverUser();
  const dir = await mkdtemp(path.join(tmpdir(), 'ms-postgres-'));
  const dataDir = path.join(dir, 'data');
  try {
    if (user) {
      await chown(dir, user.uid, user.gid);
      await chmod(dir, 0o700);
    }
    await promisify(execFile)(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], {
      ...(user ?? {}),
      cwd: dir,
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
    throw new Error(`initdb failed: ${detail}`, { cause: error });
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await tryStart(bin, dir, dataDir, user);
    } catch (error) {
      if (attempt >= 3) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
}

async function tryStart(bin: string, dir: string, dataDir: string, user: { uid: number; gid: number } | undefined): Promise<PostgresServerHandle> {
  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: dir,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '100',
  };
  const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
  const child = spawn(path.join(bin, 'postgres'), args, { ...(user ?? {}), cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('database system is ready to accept connections')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (e) => reject(new Error(`postgres could not start: ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`postgres exited with ${code}: ${output.trim()}`)));
    setTimeout(() => reject(new Error(`postgres on port ${port} was not ready within 20 s: ${output.trim()}`)), 20_000).unref();
  });
  try {
    await ready;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    port,
    url: urlFor('postgres'),
    pid: child.pid ?? -1,
    urlFor,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // Immediate shutdown: the postmaster takes its backends and shared memory with it.
        child.kill('SIGQUIT');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
