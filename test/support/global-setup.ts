/** Says once, at the top of the run, which databases the suite runs against. */
export default function setup(): void {
  if (process.env.TEST_PG_URL) {
    console.log('Database suites: SQLite and PostgreSQL (TEST_PG_URL is set).');
  } else if (process.env.CI === 'true') {
    throw new Error('CI=true requires TEST_PG_URL: the PostgreSQL suite may not be skipped in CI.');
  } else {
    console.log('Database suites: SQLite only. PostgreSQL suites are SKIPPED: set TEST_PG_URL to run them.');
  }
}
