import { existsSync } from 'node:fs';

/** Says once, at the top of the run, which databases and browser the suite runs against. */
export default function setup(): void {
  const chromium = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');
  if (chromium) console.log(`Browser suites: Chromium at ${chromium}.`);
  else if (process.env.CI === 'true') {
    throw new Error(
      'CI=true requires Chromium (CHROMIUM_PATH): the browser suites may not be skipped in CI.',
    );
  } else console.log('Browser suites: SKIPPED, Chromium not found: install chromium or set CHROMIUM_PATH.');

  if (process.env.TEST_PG_URL) {
    console.log('Database suites: SQLite and PostgreSQL (TEST_PG_URL is set).');
  } else if (process.env.CI === 'true') {
    throw new Error('CI=true requires TEST_PG_URL: the PostgreSQL suite may not be skipped in CI.');
  } else {
    console.log('Database suites: SQLite only. PostgreSQL suites are SKIPPED: set TEST_PG_URL to run them.');
  }
}
