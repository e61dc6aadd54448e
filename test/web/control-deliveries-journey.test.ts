import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { describeInChromium, saveScreenshot } from '../support/chromium.js';
import { insertEmail } from '../support/communications.js';
import { signInAsOwner, startJourney, type Journey, type JourneyServer } from './journey-studio.js';

describeInChromium('staff web app: Control Center log, test clock, deliveries and retries', () => {
  let journey: Journey;
  let store: Store;
  let server: JourneyServer;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney();
    ({ store, server } = journey);
    // Two emails the capture channel could not hand on, as a failed delivery looks in the outbox.
    for (const to of ['ada@example.com', 'grace@example.com']) {
      const at = new Date().toISOString();
      const id = await insertEmail(store.db, server.studio.id, null, null, new Date(), to);
      await loose(store.db)
        .insertInto('deliveries')
        .values({
          studio_id: server.studio.id,
          communication_id: id,
          provider: 'capture',
          state: 'failed',
          reason: '550 mailbox unavailable',
          attempts: 1,
          next_attempt_at: at,
          failed_at: at,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    page = await journey.newPage();
  });
  afterAll(() => journey?.close());

  const deliveryStates = async () =>
    (
      await loose(store.db)
        .selectFrom('deliveries')
        .select('state')
        .where('studio_id', '=', server.studio.id)
        .execute()
    )
      .map((row) => String(row.state))
      .sort();

  it('signs the demo owner in and opens the Control Center from the navigation', async () => {
    await signInAsOwner(page, server);
    await page.getByRole('link', { name: 'Control Center' }).click();
    await page.getByRole('heading', { name: 'Control Center', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/control-center');
  });

  it('advances the sandbox test clock in steps after stating the runs, and lists them', async () => {
    await page.getByLabel(/^Run every/).fill('15');
    await page.getByRole('button', { name: 'Advance clock' }).click();
    const dialog = page.getByRole('dialog', { name: 'Advance the test clock?' });
    expect(await dialog.textContent()).toMatch(/will run [45] times, up to .* \(America\/Chicago\)/);
    await dialog.getByRole('button', { name: /^Run [45] times$/ }).click();
    const table = page.getByRole('table', { name: 'Control Center runs' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThanOrEqual(5);
    expect(
      await page.getByRole('columnheader', { name: 'Ran at, studio time (America/Chicago)' }).count(),
    ).toBe(1);
    await expect.poll(() => page.getByText(/^Test clock:/).count()).toBe(1);
    await saveScreenshot(page, 'control-center');
  });

  it('on an upright tablet, reaches Deliveries from the navigation and shows the failed ones', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    // Upright, the navigation folds behind the menu button so the list keeps the screen's width.
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'Deliveries' }).click();
    const table = page.getByRole('table', { name: 'Deliveries' });
    await table.getByText('grace@example.com').waitFor();
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'Failed' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('delivery_state')).toBe('failed');
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await expect.poll(() => page.getByRole('combobox', { name: 'State' }).inputValue()).toBe('Failed');
    await saveScreenshot(page, 'deliveries');
  });

  it('shows one delivery’s history, then retries every failed one after a confirmation with the count', async () => {
    await page.getByRole('button', { name: 'History of the email to ada@example.com' }).click();
    const drawer = page.getByRole('dialog', { name: 'Delivery history' });
    await drawer.getByText('550 mailbox unavailable').first().waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Retry 2 failed deliveries' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retry failed deliveries?' });
    expect(await dialog.textContent()).toContain('2 failed deliveries shown here will be queued again');
    await dialog.getByRole('button', { name: 'Retry 2' }).click();
    await page.getByText('No deliveries match these filters').waitFor();
    expect(await deliveryStates()).toEqual(['queued', 'queued']);
  });
});
