// End-to-end tests drive Debian's Chromium (no browser download here) on a phone-sized touch screen
// against the built site served by the local IPFS gateway at /ipfs/<cid>/, with real anvil and Ceramic
// nodes that the global setup starts on their own ports and data folder.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  globalSetup: './fixtures/globalSetup.ts',
  // One worker: the tests share one chain and two cores; parallel browsers only slow each other down.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json']],
  use: {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: false,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
    },
  },
  outputDir: '../../test-results',
});
