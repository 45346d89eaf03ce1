import { mkdir } from 'node:fs/promises';
import { componentPort } from '@marketswarm/shared/config';
import { busNames } from '@marketswarm/shared/events';
import { ensureDevCert } from '../certs/dev-cert.js';
import type { AdminPaths } from '../paths.js';
import { pm2, pm2List } from '../pm2/pm2-cli.js';
import { buildTruthFiles } from '../truth/build-truth-files.js';
import { loadTruth } from '../truth/load-truth.js';
import { busUrl, connectRedis } from '../truth/system-redis.js';
import { step } from '../ui/output.js';
import { ecosystemFile, processPm2Names, redisPm2Names } from './ecosystem.js';
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

/**
 * Brings the whole stack up under pm2 in dependency order: Redis first, then truth, then every
 * other process; returns once each heartbeat is fresh and nginx answers /api/health over HTTPS.
 */
export async function stackUp(paths: AdminPaths, timeoutMs = 120_000): Promise<StackUpResult> {
  const built = await step('build truth', () => buildTruthFiles(paths));
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
  await step('start services, producers and nginx', () => pm2(['startOrRestart', ecosystem, '--only', processPm2Names(built.truth).join(','), '--update-env']));
  const nginx = Object.values(built.truth.components).find((c) => c.meta.kind === 'proxy');
  const url = `https://localhost:${nginx ? componentPort(nginx, process.env) : 8443}`;
  await step('wait until every process is healthy', async () => {
    const system = await connectRedis(busUrl(built.truth, 'system'), 'system');
    try {
      await waitUntil('stack health', timeoutMs, async () => {
        const status = await collectStatus(built.truth, version, system, await pm2List());
        const sick = status.components.filter((c) => c.process !== 'online' || (c.heartbeat !== 'fresh' && c.heartbeat !== 'none'));
        if (sick.length > 0) return `waiting for ${sick.map((c) => `${c.id} (${c.process}, heartbeat ${c.heartbeat})`).join(', ')}`;
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
