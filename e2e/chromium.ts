import { existsSync } from 'node:fs';

// The system Chromium is used; `playwright install` is never run on these machines.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumMissing = !existsSync(chromiumPath);
export const chromiumMissingReason = `Chromium not found at ${chromiumPath}; set CHROMIUM_PATH to run the browser tests.`;
export const requireAllTests = process.env.KONTOR_TEST_REQUIRE_ALL === '1';
/** Headless flags that work on these machines; the last two make getDisplayMedia share a fake screen. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];
