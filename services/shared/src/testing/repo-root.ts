import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file (services/shared/{src,dist}/testing). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
