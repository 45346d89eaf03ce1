import { gatewayInstances } from '@marketswarm/shared/config';
import type { PublicTruth } from '@marketswarm/shared/truth';
import type { Pm2Process } from '../pm2/pm2-cli.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether the gateway instances beyond the first are up: online in pm2 and answering /health on
 * their own port (the first one is the `sse` component that the stack status already follows).
 * Returns true, or what it is still waiting for.
 */
export async function gatewaysReady(truth: PublicTruth, processes: readonly Pm2Process[], env: Env, probe: (url: string) => Promise<number> = healthStatus): Promise<true | string> {
  const waiting: string[] = [];
  for (const instance of gatewayInstances(truth, env).slice(1)) {
    const status = processes.find((p) => p.name === instance.pm2)?.status ?? 'not started';
    if (status !== 'online') {
      waiting.push(`${instance.pm2} (${status})`);
      continue;
    }
    const host = instance.host === '0.0.0.0' ? '127.0.0.1' : instance.host;
    const code = await probe(`http://${host}:${instance.port}/health`).catch(() => 0);
    if (code !== 200) waiting.push(`${instance.pm2} (/health ${code || 'unreachable'})`);
  }
  return waiting.length === 0 ? true : `waiting for ${waiting.join(', ')}`;
}

async function healthStatus(url: string): Promise<number> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await res.body?.cancel();
  return res.status;
}
