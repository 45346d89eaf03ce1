import type { Command } from 'commander';
import { adminPaths } from '../paths.js';
// Static although it loads zod (~0.1 s): the --gateways help needs MAX_GATEWAY_INSTANCES, and nearly
// every action loads zod anyway through the truth compiler.
import { MAX_GATEWAY_INSTANCES, parseGatewayCount } from '@marketswarm/shared/config';
import { bold, CliError, green, step } from '../ui/output.js';

function gatewayCount(raw: string): number {
  const count = parseGatewayCount(raw);
  if (count === undefined) throw new CliError(`--gateways ${raw}: must be a whole number from 1 to ${MAX_GATEWAY_INSTANCES}`);
  return count;
}

export function registerStackCommands(program: Command): void {
  program
    .command('up')
    .description('install what is missing (apt packages, npm ci, build), then start the whole stack under pm2 and wait until healthy')
    .option('--no-install', 'skip the install and build phase (done by the ./admin wrapper)')
    .option('--timeout <sec>', 'how long to wait for health', '120')
    .option('--gateways <n>', `gateway processes behind nginx (1 to ${MAX_GATEWAY_INSTANCES}: fotw-sse, fotw-sse-2 on port 3021, …); default MS_SSE_INSTANCES, else the sse setting instances, else 1`)
    .action(async (opts: { timeout: string; gateways?: string }) => {
      const gateways = opts.gateways === undefined ? undefined : gatewayCount(opts.gateways);
      // Each action loads its implementation when it runs: the pm2 API, ioredis and the truth
      // compiler would otherwise load on every ./admin command, --help included.
      const { stackUp } = await import('../stack/stack-up.js');
      const result = await stackUp(adminPaths(), { timeoutMs: Number(opts.timeout) * 1000, ...(gateways === undefined ? {} : { gateways }) });
      process.stdout.write(
        [
          '',
          `${green('✓')} MarketSwarm is up: ${bold(result.url)}  (truth ${result.truthVersion})`,
          '',
          `  ${result.url}/             the trader workspace (self-signed dev certificate: accept it once)`,
          `  ${result.url}/api/health   gateway health`,
          ...(result.demo ? ['', `  demo login: ${result.demo.email} / ${result.demo.password}`] : []),
          '',
          '  ./admin status        processes, heartbeats, truth version',
          '  ./admin logs sse      logs of one process (any component id or pm2 name)',
          '  ./admin down          stop everything',
          '  npm test              run every test tier',
          '',
        ].join('\n'),
      );
    });

  program
    .command('down')
    .description('stop and remove every process of the stack from pm2')
    .option('--kill', 'also stop the pm2 daemon')
    .action(async (opts: { kill?: boolean }) => {
      const { buildTruthFiles } = await import('../truth/build-truth-files.js');
      const { stackDown } = await import('../stack/stack-down.js');
      const { pm2 } = await import('../pm2/pm2-cli.js');
      const paths = adminPaths();
      const truth = await buildTruthFiles(paths, undefined, false).then(
        (built) => built.truth,
        () => null,
      );
      await step('stop the stack', () => stackDown(paths, truth));
      if (opts.kill) await step('stop the pm2 daemon', () => pm2(['kill']));
    });

  program
    .command('restart')
    .argument('[name]', 'component id (sse) or pm2 name (fotw-sse); all when omitted')
    .description('restart one process, or all of them')
    .action(async (name: string | undefined) => {
      const { buildTruthFiles } = await import('../truth/build-truth-files.js');
      const { ecosystemFile, pm2NameOf, restartAllTargets } = await import('../stack/ecosystem.js');
      const { pm2, pm2List } = await import('../pm2/pm2-cli.js');
      const paths = adminPaths();
      const { truth } = await buildTruthFiles(paths, undefined, false);
      if (name) {
        const pm2Name = pm2NameOf(truth, name);
        await step(`restart ${name}`, () => pm2(['restart', pm2Name, '--update-env']));
        return;
      }
      const running = (await pm2List().catch(() => [])).map((p) => p.name);
      const all = restartAllTargets(truth, running);
      await step('restart all processes', () => pm2(['restart', ecosystemFile(paths), '--only', all.names.join(','), '--update-env'], { ...process.env, ...all.env }));
    });

  program
    .command('logs')
    .argument('[name]', 'component id (sse) or pm2 name (fotw-sse); all when omitted')
    .description('print recent logs (use --follow to keep streaming)')
    .option('-n, --lines <n>', 'lines to show', '50')
    .option('-f, --follow', 'keep streaming new lines')
    .action(async (name: string | undefined, opts: { lines: string; follow?: boolean }) => {
      const { buildTruthFiles } = await import('../truth/build-truth-files.js');
      const { pm2NameOf } = await import('../stack/ecosystem.js');
      const { pm2Interactive } = await import('../pm2/pm2-cli.js');
      const paths = adminPaths();
      const { truth } = await buildTruthFiles(paths, undefined, false);
      const args = ['logs', ...(name ? [pm2NameOf(truth, name)] : []), '--lines', opts.lines, ...(opts.follow ? [] : ['--nostream'])];
      process.exitCode = await pm2Interactive(args);
    });
}
