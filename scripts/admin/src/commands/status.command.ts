import type { Command } from 'commander';
import type { Redis } from 'ioredis';
import { adminPaths } from '../paths.js';
import { pm2List, type Pm2Process } from '../pm2/pm2-cli.js';
import { collectStatus, type StackStatus } from '../stack/stack-status.js';
import { buildTruthFiles } from '../truth/build-truth-files.js';
import { busUrl, connectRedis } from '../truth/system-redis.js';
import { bold, CliError, green, red, yellow } from '../ui/output.js';
import { renderTable } from '../ui/table.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('pm2 processes, heartbeats, the loaded truth version and settings waiting for a restart; exit 1 if anything is down or stale')
    .option('--json', 'print machine-readable JSON')
    .action(async (opts: { json?: boolean }) => {
      const paths = adminPaths();
      const files = await buildTruthFiles(paths, undefined, false);
      let system: Redis | null = null;
      let redisProblem: string | null = null;
      try {
        system = await connectRedis(busUrl(files.truth, 'system'), 'system');
      } catch (error) {
        redisProblem = (error as Error).message;
      }
      let processes: Pm2Process[] = [];
      try {
        processes = await pm2List();
      } catch (error) {
        redisProblem ??= (error as Error).message;
      }
      const status = await collectStatus(files.truth, files.version, system, processes).finally(() => system?.disconnect());
      if (opts.json) process.stdout.write(`${JSON.stringify({ ...status, problem: redisProblem }, null, 2)}\n`);
      else printStatus(status, redisProblem);
      if (!status.healthy) throw new CliError(opts.json ? '' : 'stack is not healthy', 1);
    });
}

function printStatus(status: StackStatus, problem: string | null): void {
  if (problem) process.stdout.write(`${red('!')} ${problem}\n`);
  const t = status.truth;
  const truthLine = t.loaded
    ? `${t.loaded} loaded ${t.loadedAt ?? ''} ${t.matches ? green('(matches files)') : yellow(`(files compile to ${t.files ?? '?'}: run ./admin load-truth)`)}`
    : red('not loaded: run ./admin load-truth');
  process.stdout.write(`${bold('truth')} ${truthLine}\n\n`);
  const colour = (state: string) => (state === 'fresh' || state === 'online' ? green(state) : state === 'none' ? state : red(state));
  const rows = status.components.map((c) => [
    c.id,
    c.pm2 ?? '-',
    colour(c.process),
    c.pid ? String(c.pid) : '-',
    String(c.restarts),
    c.heartbeat === 'none' ? '-' : `${colour(c.heartbeat)}${c.heartbeatAgeSec !== null ? ` (${c.heartbeatAgeSec}s ago)` : ''}`,
    c.version ?? '-',
    c.restartNeeded.length > 0 ? yellow(`restart needed: ${c.restartNeeded.join(', ')}`) : '',
  ]);
  process.stdout.write(`${renderTable(['component', 'pm2', 'process', 'pid', 'restarts', 'heartbeat', 'version', 'settings'], rows)}\n`);
  const pending = status.components.filter((c) => c.restartNeeded.length > 0);
  if (pending.length > 0) {
    process.stdout.write(`\n${yellow('restart needed')} to apply loaded settings: ${pending.map((c) => `./admin restart ${c.id}`).join(', ')}\n`);
  }
  process.stdout.write(`\n${status.healthy ? green('healthy') : red('not healthy')}\n`);
}
