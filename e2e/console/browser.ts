import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (scripts/bootstrap.sh installs it); no browser is downloaded. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * One headless Chromium for a test file. Playwright gives it a fresh --user-data-dir of its
 * own (a new temporary profile, removed on close).
 * Under libfaketime (CI's second run) the browser keeps the real clock: the console takes
 * "now" from the API, never from the browser.
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: run scripts/bootstrap.sh as root (it installs Debian's chromium) ` +
        'or `apt-get install chromium`, or set CHROMIUM_PATH',
    );
  }
  const env = { ...process.env };
  delete env['LD_PRELOAD'];
  delete env['FAKETIME'];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: env,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}
