import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The schema lives in the shared library (truth/settings/intel.settings.ts), where
// `./admin build-truth` checks it too; main reads it with `ctx.settings.of(intelSettings)`.
export type { FeedSetting, IntelSettings } from '@marketswarm/shared/truth';

/** The repository root (services/intel/{src,dist} → ../../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

