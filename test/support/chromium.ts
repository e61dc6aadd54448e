import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Browser tests run in real Chromium (Debian's `chromium`), driven by playwright-core. Its path is
 * CHROMIUM_PATH, else /usr/bin/chromium. Without it the browser suites are skipped and say so,
 * except under CI=true, where a missing Chromium fails the run.
 */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

if (!CHROMIUM_PATH && process.env.CI === 'true') {
  throw new Error(
    'CI=true but Chromium was not found (CHROMIUM_PATH): the browser suites are required in CI',
  );
}

/** `describe` when Chromium is here; otherwise a skipped block that names the reason. */
export function describeInChromium(name: string, body: () => void): void {
  if (CHROMIUM_PATH) describe(`${name} [chromium]`, body);
  else describe.skip(`${name} [chromium] (skipped: Chromium not found; set CHROMIUM_PATH)`, () => {});
}

/**
 * A headless Chromium as this machine allows it: no sandbox (tests run as root), and none of the
 * background connections a closed network refuses.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/**
 * Saves a journey's screenshot for the docs as docs/screenshots/NAME.png: when it is missing, or
 * when UPDATE_SCREENSHOTS=1 asks for fresh ones. Otherwise every test run would rewrite the
 * committed pictures (random names, a pixel of anti-aliasing) and leave the work tree changed.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const path = join(SCREENSHOTS, `${name}.png`);
  if (existsSync(path) && process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path });
}
