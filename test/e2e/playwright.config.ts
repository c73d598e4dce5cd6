// End-to-end tests drive Debian's Chromium (no browser download here) on a phone-sized touch screen
// against the built site served by the local IPFS gateway at /ipfs/<cid>/, with real anvil and Ceramic
// nodes that the global setup starts on their own ports and data folder.
import { defineConfig } from '@playwright/test';

/**
 * Files that move the shared chain's clock forward (evm_increaseTime): they run after every other file,
 * so no other test meets a chain that is days ahead of the browser's clock.
 */
const MOVES_CHAIN_CLOCK = ['**/fund-swap.e2e.ts', '**/fund-round.e2e.ts', '**/governance.e2e.ts', '**/trust.e2e.ts'];

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
    // A click or fill waits at most a minute for its element, so a page stuck in some state fails the step
    // with time left for the afterEach hooks that print what the page showed (member.ts).
    actionTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chain clock untouched', testIgnore: MOVES_CHAIN_CLOCK },
    { name: 'chain clock moved', testMatch: MOVES_CHAIN_CLOCK, dependencies: ['chain clock untouched'] },
  ],
  outputDir: '../../test-results',
});
