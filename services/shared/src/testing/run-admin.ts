import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './repo-root.js';

export interface AdminRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `./admin` executable with a clean environment (only what the test passes, plus
 * PATH and HOME), so a developer's shell or running stack cannot leak into a test.
 */
export function runAdmin(args: readonly string[], env: Record<string, string>, options: { input?: string; timeoutMs?: number } = {}): Promise<AdminRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, 'admin'), args, {
      cwd: repoRoot,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
