import { defineConfig } from '@playwright/test';
import {
  chromiumArgs,
  chromiumMissing,
  chromiumMissingReason,
  chromiumPath,
  requireAllTests,
} from './e2e/chromium.ts';

if (chromiumMissing && requireAllTests) {
  throw new Error(`${chromiumMissingReason} KONTOR_TEST_REQUIRE_ALL=1 forbids skipping the browser tests.`);
}
if (chromiumMissing) console.warn(`${chromiumMissingReason} The browser tests are skipped.`);

export default defineConfig({
  testDir: 'e2e',
  workers: 2,
  retries: 0,
  reporter: 'list',
  use: {
    locale: 'en-US',
    // Mantine then skips its transitions: axe reads colours that have finished fading in.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
});
