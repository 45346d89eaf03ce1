import { isExtraGatewayName } from '@marketswarm/shared/config';
import type { PublicTruth } from '@marketswarm/shared/truth';
import type { AdminPaths } from '../paths.js';
import { pm2, pm2List } from '../pm2/pm2-cli.js';
import { ecosystemFile } from './ecosystem.js';

/**
 * Removes every process of the stack from pm2: what the ecosystem file declares for this
 * environment, plus gateway instances an earlier `./admin up --gateways <n>` started, which this
 * environment's ecosystem may not declare.
 */
export async function stackDown(paths: AdminPaths, truth: PublicTruth | null): Promise<void> {
  await pm2(['delete', ecosystemFile(paths)]).catch(() => '');
  if (!truth) return;
  const leftovers = (await pm2List().catch(() => [])).map((p) => p.name).filter((name) => isExtraGatewayName(truth, name));
  if (leftovers.length > 0) await pm2(['delete', ...leftovers]);
}
