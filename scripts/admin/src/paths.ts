import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders the CLI works with; MS_RUN_DIR lets tests run a second stack beside the dev one. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface AdminPaths {
  repoRoot: string;
  truthDir: string;
  truthOut: string;
  secretsFile: string;
  runDir: string;
  certDir: string;
  nginxDir: string;
  logDir: string;
  dataDir: string;
}

export function adminPaths(env: NodeJS.ProcessEnv = process.env): AdminPaths {
  const runDir = path.resolve(repoRoot, env['MS_RUN_DIR'] || 'run');
  return {
    repoRoot,
    truthDir: path.join(repoRoot, 'truth'),
    truthOut: path.join(repoRoot, 'scripts/truth.json'),
    secretsFile: path.join(repoRoot, 'scripts/truth_secrets.json'),
    runDir,
    certDir: path.join(runDir, 'certs'),
    nginxDir: path.join(runDir, 'nginx'),
    logDir: path.join(runDir, 'logs'),
    dataDir: path.join(runDir, 'data'),
  };
}
