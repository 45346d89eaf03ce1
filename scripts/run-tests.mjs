#!/usr/bin/env node
// `npm test`: build, type-check and lint, then every vitest tier (unit, integration, e2e) in one
// run, and a closing `N passed, N failed` line that CI can read.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = path.join(root, 'run/test-results.json');
mkdirSync(path.dirname(resultsFile), { recursive: true });

function run(label, command, args) {
  process.stderr.write(`\n== ${label}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

for (const [label, cmd, args] of [
  ['build', 'npm', ['run', '--silent', 'build']],
  ['type-check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
]) {
  if (run(label, cmd, args) !== 0) {
    process.stderr.write(`\n${label} failed\n`);
    process.exit(1);
  }
}

const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const extra = process.argv.slice(2);
const status = run('tests', process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...extra]);

try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  if (results.numTotalTests === 0) {
    process.stderr.write('no test ran\n');
    process.exit(1);
  }
} catch {
  process.stderr.write('no test results were written\n');
}
process.exit(status);
