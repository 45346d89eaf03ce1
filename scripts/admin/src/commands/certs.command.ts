import type { Command } from 'commander';
import { adminPaths } from '../paths.js';

export function registerCerts(program: Command): void {
  program
    .command('certs')
    .description('create the self-signed dev TLS certificate for localhost (kept until it nears expiry)')
    .option('--force', 'create a new one even if the current one is valid')
    .action(async (opts: { force?: boolean }) => {
      // Loaded on run: every ./admin command registers this one.
      const { ensureDevCert } = await import('../certs/dev-cert.js');
      const result = await ensureDevCert(adminPaths().certDir, { force: opts.force ?? false });
      process.stderr.write(`${result.created ? 'created' : 'kept'} ${result.certFile}\n`);
      process.stdout.write(`${result.certFile}\n${result.keyFile}\n`);
    });
}
