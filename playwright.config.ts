import { defineConfig } from '@playwright/test';

// One worker: each test launches its own Chromium with the built extension (2-core machines).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  // generous: each test launches Chromium; a loaded 2-core machine is slow, not wrong
  timeout: 90_000,
  expect: { timeout: 7_000 },
  retries: 0,
  globalSetup: './tests/e2e/global-setup.ts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'off' },
});
