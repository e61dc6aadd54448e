import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { describeInChromium, saveScreenshot } from '../support/chromium.js';
import { startJourney, type Journey, type JourneyServer } from './journey-studio.js';

describeInChromium('staff web app: sign in, sandbox marker, studio switch, triggers list', () => {
  let journey: Journey;
  let store: Store;
  let server: JourneyServer;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney();
    ({ store, server } = journey);
    // A tablet in landscape: the width the app must stay usable at.
    page = await journey.newPage({ viewport: { width: 1024, height: 720 } });
  });
  afterAll(() => journey?.close());

  const isActive = async (name: string) =>
    (
      await loose(store.db)
        .selectFrom('triggers')
        .select('is_active')
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).is_active;

  it('refuses a wrong password plainly, then signs the demo owner in', async () => {
    await page.goto(`${server.url}/triggers`);
    await page.getByLabel('Email').fill(server.owner.email);
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/email address or password/i);
    await saveScreenshot(page, 'sign-in');

    await page.getByLabel(/^Password/).fill(server.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Triggers' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/triggers');
  });

  it('marks the sandbox studio on the screen, with its clock and time zone', async () => {
    const banner = page.getByRole('status', { name: 'Sandbox studio' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(server.studio.name);
    expect(await banner.textContent()).toContain('America/Chicago');
  });

  it('lists the triggers with their pending counts and last fired times', async () => {
    const table = page.getByRole('table', { name: 'Triggers' });
    await table.getByText('Session follow-up call').waitFor();
    expect(await table.getByRole('row').count()).toBe(4);
    expect(await table.getByRole('columnheader', { name: 'Last fired (America/Chicago)' }).count()).toBe(1);
    await saveScreenshot(page, 'triggers-list');
  });

  it('switches to the second studio (no sandbox marker there) and back', async () => {
    await page.locator('input[aria-label="Studio"]').click();
    await page.getByRole('option', { name: 'Lakeshore Weddings' }).click();
    await page.getByText('This studio has no triggers yet').waitFor();
    expect(await page.getByRole('status', { name: 'Sandbox studio' }).count()).toBe(0);

    await page.locator('input[aria-label="Studio"]').click();
    await page.getByRole('option', { name: `${server.studio.name} (sandbox)` }).click();
    await page.getByRole('status', { name: 'Sandbox studio' }).waitFor();
    await page.getByText('Session follow-up call').waitFor();
  });

  it('filters the list by activity and by name', async () => {
    await page.getByText('Inactive', { exact: true }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Triggers' }).getByRole('row').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('is_active')).toBe('false');
    await page.getByText('All', { exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('welcome');
    await expect.poll(() => page.getByRole('table', { name: 'Triggers' }).getByRole('row').count()).toBe(2);
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('');
    await expect.poll(() => page.getByRole('table', { name: 'Triggers' }).getByRole('row').count()).toBe(4);
  });

  it('deactivates a trigger from the list and activates it again', async () => {
    // By keyboard, as the switch is a checkbox under its drawn track.
    const toggle = page.getByRole('switch', { name: 'Active: Session follow-up call' });
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => isActive('Session follow-up call')).toBe(0);
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => isActive('Session follow-up call')).toBe(1);
    await expect.poll(() => toggle.isChecked()).toBe(true);
  });

  it('signs out back to the sign-in form', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
  });
});
