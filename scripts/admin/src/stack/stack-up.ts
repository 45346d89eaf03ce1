import { mkdir } from 'node:fs/promises';
import { componentPort, GATEWAY_INSTANCES_ENV, gatewayInstances } from '@marketswarm/shared/config';
import { busNames } from '@marketswarm/shared/events';
import { ensureDevCert } from '../certs/dev-cert.js';
import type { AdminPaths } from '../paths.js';
import { pm2, pm2List } from '../pm2/pm2-cli.js';
import { buildTruthFiles } from '../truth/build-truth-files.js';
import { loadTruth } from '../truth/load-truth.js';
import { busUrl, connectRedis } from '../truth/system-redis.js';
import { step } from '../ui/output.js';
import { BACKUP_PM2_NAME, ecosystemFile, processPm2Names, redisPm2Names, surplusGatewayNames } from './ecosystem.js';
import { gatewaysReady } from './gateway-readiness.js';
import { httpsStatus } from './https-probe.js';
import { ensureDemoAccount, type DemoLogin } from './demo-account.js';
import { collectStatus } from './stack-status.js';
import { waitUntil } from './wait-until.js';
import { writeNginxConfig } from './write-nginx-config.js';

export interface StackUpResult {
  url: string;
  truthVersion: string;
  /** Seeded on development stacks only. */
  demo: DemoLogin | null;
}

export interface StackUpOptions {
  timeoutMs?: number;
  /** Gateway processes to run (`--gateways`); default MS_SSE_INSTANCES, else the sse setting instances, else 1. */
  gateways?: number;
}

/**
 * Brings the whole stack up under pm2 in dependency order: Redis first, then truth, then every
 * other process; returns once each heartbeat is fresh, every gateway answers and nginx answers
 * /api/health over HTTPS.
 */
export async function stackUp(paths: AdminPaths, options: StackUpOptions = {}): Promise<StackUpResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  // In this process's environment, so the nginx config, the ecosystem file (read by the pm2 CLI
  // this process starts) and the health wait all see the same gateways.
  if (options.gateways !== undefined) process.env[GATEWAY_INSTANCES_ENV] = String(options.gateways);
  const built = await step('build truth', () => buildTruthFiles(paths));
  const gateways = gatewayInstances(built.truth, process.env);
  const cert = await step('dev TLS certificate', () => ensureDevCert(paths.certDir));
  await step('render nginx config', async () => {
    await mkdir(paths.logDir, { recursive: true });
    await writeNginxConfig(paths, built.truth, cert);
  });
  const ecosystem = ecosystemFile(paths);
  await step('start redis (system, market, intel)', () => pm2(['startOrRestart', ecosystem, '--only', redisPm2Names(built.truth).join(','), '--update-env']));
  await step('wait for redis', async () => {
    for (const bus of busNames) {
      await waitUntil(`${bus} Redis`, 20_000, async () => {
        const redis = await connectRedis(busUrl(built.truth, bus), bus);
        redis.disconnect();
        return true;
      });
    }
  });
  const { version } = await step('load truth', () => loadTruth(paths));
  // Only the non-Redis processes: restarting Redis here would drop what was just loaded into it.
  await step(`start services, producers and nginx (${gateways.length === 1 ? 'one gateway' : `${gateways.length} gateways`})`, () =>
    pm2(['startOrRestart', ecosystem, '--only', processPm2Names(built.truth).join(','), '--update-env']),
  );
  const surplus = surplusGatewayNames(built.truth, (await pm2List()).map((p) => p.name));
  if (surplus.length > 0) {
    await step(`stop gateways no longer asked for (${surplus.join(', ')})`, async () => {
      for (const name of surplus) await pm2(['delete', name]);
    });
  }
  if (built.truth.components['journal']) {
    // Deleted and added again so a changed cron applies; added, it only waits for its cron.
    await step('schedule the journal backup', async () => {
      await pm2(['delete', BACKUP_PM2_NAME]).catch(() => '');
      await pm2(['start', ecosystem, '--only', BACKUP_PM2_NAME]);
    });
  }
  const nginx = Object.values(built.truth.components).find((c) => c.meta.kind === 'proxy');
  const url = `https://localhost:${nginx ? componentPort(nginx, process.env) : 8443}`;
  await step('wait until every process is healthy', async () => {
    const system = await connectRedis(busUrl(built.truth, 'system'), 'system');
    try {
      await waitUntil('stack health', timeoutMs, async () => {
        const processes = await pm2List();
        const status = await collectStatus(built.truth, version, system, processes);
        const sick = status.components.filter((c) => c.process !== 'online' || (c.heartbeat !== 'fresh' && c.heartbeat !== 'none'));
        if (sick.length > 0) return `waiting for ${sick.map((c) => `${c.id} (${c.process}, heartbeat ${c.heartbeat})`).join(', ')}`;
        const further = await gatewaysReady(built.truth, processes, process.env);
        if (further !== true) return further;
        const code = await httpsStatus(`${url.replace('localhost', '127.0.0.1')}/api/health`);
        return code === 200 ? true : `nginx answered ${code} for /api/health`;
      });
    } finally {
      system.disconnect();
    }
  });
  let demo: DemoLogin | null = null;
  if (built.truth.node.environment === 'development') {
    demo = await step('demo trader account', async () => {
      const system = await connectRedis(busUrl(built.truth, 'system'), 'system');
      try {
        return await ensureDemoAccount(paths, system);
      } finally {
        system.disconnect();
      }
    });
  }
  return { url, truthVersion: version, demo };
}
