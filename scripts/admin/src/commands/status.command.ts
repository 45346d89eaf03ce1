import type { Command } from 'commander';
import type { Redis } from 'ioredis';
import type { BusName } from '@marketswarm/shared/events';
import type { OpsStatus } from '../ops/ops-status.js';
import type { Pm2Process } from '../pm2/pm2-cli.js';
import type { StackStatus } from '../stack/stack-status.js';
import { renderOpsStatus } from '../ops/ops-status-text.js';
import { formatBytes } from '../ui/format-bytes.js';
import { adminPaths } from '../paths.js';
import { bold, CliError, green, red, yellow } from '../ui/output.js';
import { renderTable } from '../ui/table.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description(
      "pm2 processes, heartbeats, the watch's scores and recent recovery actions, stream lag per gateway, memory per process and per Redis, the loaded truth version and settings waiting for a restart; exit 1 if anything is down or stale",
    )
    .option('--json', 'print machine-readable JSON')
    .option('--reset <service>', 'clear the failed mark and restart attempts the watch keeps for a service (an id like journal, sse-2, or its pm2 name), so it may restart it again')
    .action(async (opts: { json?: boolean; reset?: string }) => {
      // Loaded on run: pm2, ioredis and the truth compiler would slow every other ./admin command.
      const { busNames } = await import('@marketswarm/shared/events');
      const { OPS_KEYS, resetRecoveryState, resolveResetTarget } = await import('@marketswarm/shared/ops');
      const { collectOpsStatus } = await import('../ops/ops-status.js');
      const { pm2List } = await import('../pm2/pm2-cli.js');
      const { collectStatus } = await import('../stack/stack-status.js');
      const { buildTruthFiles } = await import('../truth/build-truth-files.js');
      const { busUrl, connectRedis } = await import('../truth/system-redis.js');
      const paths = adminPaths();
      const files = await buildTruthFiles(paths, undefined, false);
      let system: Redis | null = null;
      // Why the status may be incomplete: system Redis or pm2 could not be reached.
      let problem: string | null = null;
      try {
        system = await connectRedis(busUrl(files.truth, 'system'), 'system');
      } catch (error) {
        problem = (error as Error).message;
      }
      const buses = new Map<BusName, Redis | null>([['system', system]]);
      try {
        if (opts.reset && !system) throw new CliError(problem ?? 'system Redis is unreachable');
        for (const bus of busNames.filter((b) => b !== 'system')) {
          buses.set(bus, await connectRedis(busUrl(files.truth, bus), bus).catch(() => null));
        }
        let processes: Pm2Process[] = [];
        try {
          processes = await pm2List();
        } catch (error) {
          problem ??= (error as Error).message;
        }
        let ops = await collectOpsStatus(files.truth, (bus) => buses.get(bus) ?? null);
        if (opts.reset && system) {
          const target = resolveResetTarget(opts.reset, { truth: files.truth, processes, report: ops.watch.report, recoveryIds: await system.hkeys(OPS_KEYS.recoveryState) });
          if (!target.ok) throw new CliError(target.error);
          const existed = await resetRecoveryState(system, target.id, `reset by an operator (./admin status --reset ${opts.reset})`);
          process.stderr.write(`${green('✓')} ${target.id}: recovery state cleared${existed ? '' : ' (it had none)'}; the watch may restart it again\n`);
          ops = await collectOpsStatus(files.truth, (bus) => buses.get(bus) ?? null);
        }
        const status = await collectStatus(files.truth, files.version, system, processes, Date.now(), ops.watch.fresh ? ops.watch.report : null);
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...status, ...ops, problem }, null, 2)}\n`);
        else printStatus(status, ops, problem);
        if (!status.healthy) throw new CliError(opts.json ? '' : 'stack is not healthy', 1);
      } finally {
        for (const redis of buses.values()) redis?.disconnect();
      }
    });
}

function printStatus(status: StackStatus, ops: OpsStatus, problem: string | null): void {
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
    formatBytes(c.memoryBytes),
    c.score === null ? '-' : scoreColour(c.watchStatus)(String(c.score)),
    c.version ?? '-',
    c.restartNeeded.length > 0 ? yellow(`restart needed: ${c.restartNeeded.join(', ')}`) : '',
  ]);
  process.stdout.write(`${renderTable(['component', 'pm2', 'process', 'pid', 'restarts', 'heartbeat', 'memory', 'score', 'version', 'settings'], rows)}\n`);
  const pending = status.components.filter((c) => c.restartNeeded.length > 0);
  if (pending.length > 0) {
    process.stdout.write(`\n${yellow('restart needed')} to apply loaded settings: ${pending.map((c) => `./admin restart ${c.id}`).join(', ')}\n`);
  }
  process.stdout.write(`\n${renderOpsStatus(ops)}\n`);
  process.stdout.write(`\n${status.healthy ? green('healthy') : red('not healthy')}\n`);
}

function scoreColour(status: StackStatus['components'][number]['watchStatus']): (text: string) => string {
  return status === 'healthy' ? green : status === 'degraded' ? yellow : red;
}
