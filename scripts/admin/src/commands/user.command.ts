import type { Command } from 'commander';
import type { Redis } from 'ioredis';
import { adminPaths } from '../paths.js';
import { readPasswordFrom } from '../users/read-password.js';
import { CliError, dim, green, info } from '../ui/output.js';
import { renderTable } from '../ui/table.js';

/** Where the command reads and writes; tests swap it to run the command in-process. */
export interface UserCommandIo {
  env: NodeJS.ProcessEnv;
  readStdin(): Promise<string>;
  stdout(text: string): void;
}

const processIo: UserCommandIo = {
  env: process.env,
  readStdin: () => readPasswordFrom(process.stdin),
  stdout: (text) => void process.stdout.write(text),
};

export function registerUser(program: Command, io: UserCommandIo = processIo): void {
  const user = program.command('user').description('accounts in system Redis: add (e.g. the first admin) and list');

  user
    .command('add')
    .argument('<email>', 'the sign-in email (stored lower-cased)')
    .description('create an account; prints the new user id')
    .option('--role <role>', 'trader or admin', 'trader')
    .option('--password-stdin', 'read the password from stdin (it never goes on the command line)')
    .action(async (email: string, opts: { role: string; passwordStdin?: boolean }) => {
      if (!opts.passwordStdin) {
        throw new CliError('pass the password on stdin with --password-stdin, e.g. printf %s "$PASSWORD" | ./admin user add ann@example.com --password-stdin');
      }
      if (process.stdin.isTTY && io === processIo) info(dim('type the password, then Enter and Ctrl-D'));
      const password = await io.readStdin();
      const { addUser } = await import('../users/user-accounts.js');
      const redis = await systemRedis(io.env);
      try {
        const created = await addUser(redis, { email, password, role: opts.role });
        info(`${green('✓')} created ${created.role} ${created.email}`);
        io.stdout(`${created.id}\n`);
      } finally {
        redis.disconnect();
      }
    });

  user
    .command('list')
    .description('every account: id, email, role, created')
    .action(async () => {
      const { listUsers } = await import('../users/user-accounts.js');
      const redis = await systemRedis(io.env);
      try {
        const users = await listUsers(redis);
        if (users.length === 0) {
          info('no accounts yet: create the first admin with ./admin user add <email> --role admin --password-stdin');
          return;
        }
        io.stdout(`${renderTable(['id', 'email', 'role', 'created'], users.map((u) => [u.id, u.email, u.role, u.createdAt]))}\n`);
      } finally {
        redis.disconnect();
      }
    });
}

/** System Redis as the stack sees it: env override, else the built (or freshly compiled) truth. */
async function systemRedis(env: NodeJS.ProcessEnv): Promise<Redis> {
  // Loaded on run, like the account code above: argon2, ioredis and the truth compiler would slow
  // every ./admin command, since each one registers this command.
  const { buildTruthFiles, readBuiltTruth } = await import('../truth/build-truth-files.js');
  const { busUrl, connectRedis } = await import('../truth/system-redis.js');
  const paths = adminPaths(env);
  const built = (await readBuiltTruth(paths)) ?? (await buildTruthFiles(paths, paths.truthDir, false));
  return connectRedis(busUrl(built.truth, 'system', env), 'system');
}
