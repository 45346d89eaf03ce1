import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '../ui/output.js';

const PG_LIB = '/usr/lib/postgresql';

/**
 * pg_dump / pg_restore of the newest PostgreSQL on the machine (Debian keeps them in
 * /usr/lib/postgresql/<major>/bin, as the test harness finds the server), else whatever PATH has.
 * The newest wins because pg_dump refuses a server newer than itself.
 */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const majors = existsSync(PG_LIB)
    ? readdirSync(PG_LIB)
        .filter((major) => /^\d+$/.test(major) && existsSync(path.join(PG_LIB, major, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return majors[0] ? path.join(PG_LIB, majors[0], 'bin', name) : name;
}

/**
 * The connection for a pg tool: the URL without its password on the command line (where `ps`
 * shows it to every user), the password in PGPASSWORD instead.
 */
export function postgresToolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

/** Runs a pg tool; a failure becomes an operator message with the tool's own stderr. */
export function runPostgresTool(name: 'pg_dump' | 'pg_restore', args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const bin = postgresTool(name);
  return new Promise((resolve, reject) => {
    execFile(bin, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(new CliError(missing ? `${name} not found (install PostgreSQL's client tools: apt-get install -y postgresql-client)` : `${name} failed: ${stderr.trim() || error.message}`));
    });
  });
}
