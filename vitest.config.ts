import { defineConfig } from 'vitest/config';
import { OwnStackLastSequencer } from './e2e/own-stack-last.sequencer.js';

const ignored = ['**/node_modules/**', '**/dist/**'];

// Three tiers, as in the README: unit specs beside pure logic, integration specs against real
// redis-server/SQLite/HTTP started by the harness, and end-to-end specs through pm2, nginx and Chromium.
export default defineConfig({
  test: {
    sequence: { sequencer: OwnStackLastSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['services/*/src/**/*.spec.ts', 'scripts/admin/src/**/*.spec.ts', 'bench/src/**/*.spec.ts', 'ui/src/**/*.spec.{ts,tsx}', 'ui/build/**/*.spec.ts', 'ui/server/src/**/*.spec.ts', 'e2e/chaos/**/*.spec.ts'],
          exclude: [...ignored, '**/*.int.spec.ts', '**/*.e2e.spec.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['services/*/src/**/*.int.spec.ts', 'scripts/admin/src/**/*.int.spec.ts', 'ui/server/src/**/*.int.spec.ts', 'ui/src/**/*.int.spec.ts'],
          exclude: ignored,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.spec.ts'],
          exclude: ignored,
          globalSetup: ['e2e/shared-stack.global.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
