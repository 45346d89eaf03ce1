import type { Command } from 'commander';
import type { Redis } from 'ioredis';
import { adminPaths } from '../paths.js';
import { bold, green, info, yellow } from '../ui/output.js';
import { renderTable } from '../ui/table.js';

/** Where the command reads and writes; tests swap it to run the command in-process. */
export interface KeyCommandIo {
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
}

const processIo: KeyCommandIo = { env: process.env, stdout: (text) => void process.stdout.write(text) };

export function registerKey(program: Command, io: KeyCommandIo = processIo): void {
  const key = program.command('key').description('API keys for outside producers (POST /api/ingest/:topic): add, list, revoke');

  key
    .command('add')
    .argument('<name>', 'a name for the key, e.g. desk-feed (letters, digits, . _ -)')
    .requiredOption('--topics <list>', 'comma-separated topics the key may publish to, e.g. vexy,intel')
    .option('--user <id>', 'bind the key to this user: needed for per-user topics (alerts, trades, positions, risk-graph), whose events go to that user')
    .description('create a key; prints it once on stdout (only its SHA-256 is stored)')
    .action(async (name: string, opts: { topics: string; user?: string }) => {
      const { addApiKey } = await import('../keys/api-key-admin.js');
      await withSystemRedis(io, async (redis) => {
        const { key: created, token } = await addApiKey(redis, { name, topics: opts.topics, ...(opts.user !== undefined ? { user: opts.user } : {}) });
        info(`${green('✓')} created key ${bold(created.name)} (${created.id}) for ${created.topics.join(', ')}${created.user ? ` as user ${created.user}` : ''}`);
        info(yellow('store it now: it is shown only this once'));
        io.stdout(`${token}\n`);
      });
    });

  key
    .command('list')
    .option('--json', 'print JSON instead of a table')
    .description('every key: id, name, topics, user, created, last used, revoked (never a secret)')
    .action(async (opts: { json?: boolean }) => {
      const { KEY_LIST_HEADER, keyRows, listApiKeys } = await import('../keys/api-key-admin.js');
      await withSystemRedis(io, async (redis) => {
        const keys = await listApiKeys(redis);
        if (opts.json) return io.stdout(`${JSON.stringify(keys, null, 2)}\n`);
        if (keys.length === 0) return info('no API keys yet: ./admin key add <name> --topics vexy,intel');
        io.stdout(`${renderTable(KEY_LIST_HEADER, keyRows(keys))}\n`);
      });
    });

  key
    .command('revoke')
    .argument('<id|name>', 'the key id, or the name of an active key')
    .description('revoke a key: every gateway refuses it from its next request')
    .action(async (idOrName: string) => {
      const { revokeApiKey } = await import('../keys/api-key-admin.js');
      await withSystemRedis(io, async (redis) => {
        const { key: revoked, alreadyRevoked } = await revokeApiKey(redis, idOrName);
        info(alreadyRevoked ? `key ${revoked.name} (${revoked.id}) was already revoked at ${revoked.revokedAt ?? '?'}` : `${green('✓')} revoked key ${revoked.name} (${revoked.id})`);
      });
    });
}

/** System Redis as the stack sees it (env override, else the built truth), closed after the work. */
async function withSystemRedis(io: KeyCommandIo, work: (redis: Redis) => Promise<void>): Promise<void> {
  // Loaded on run, like the key code above: ioredis and the truth compiler would slow every ./admin command.
  const { buildTruthFiles, readBuiltTruth } = await import('../truth/build-truth-files.js');
  const { busUrl, connectRedis } = await import('../truth/system-redis.js');
  const paths = adminPaths(io.env);
  const built = (await readBuiltTruth(paths)) ?? (await buildTruthFiles(paths, paths.truthDir, false));
  const redis = await connectRedis(busUrl(built.truth, 'system', io.env), 'system');
  try {
    await work(redis);
  } finally {
    redis.disconnect();
  }
}
