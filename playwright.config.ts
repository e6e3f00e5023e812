import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the real renderer in Debian's Chromium (Playwright cannot
 * download its own browsers here) against the real handler table, served by
 * the browser host on loopback. `test/e2e/electron.spec.ts` drives the real
 * desktop app where Electron's binary exists.
 */
export default defineConfig({
  testDir: 'test/e2e',
  // Only the Playwright specs; vitest owns test/unit (vitest.config.ts includes nothing else).
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
