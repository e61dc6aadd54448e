import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { describeInChromium, saveScreenshot } from '../support/chromium.js';
import { signInAsOwner, startJourney, type Journey, type JourneyServer } from './journey-studio.js';

describeInChromium('staff web app: Setup — studio settings, an SMS template, an API token', () => {
  let journey: Journey;
  let store: Store;
  let server: JourneyServer;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney();
    ({ store, server } = journey);
    page = await journey.newPage();
    await signInAsOwner(page, server);
  });
  afterAll(() => journey?.close());

  it('changes the studio’s SMS help text and sees it saved', async () => {
    await page.getByRole('link', { name: 'Setup' }).click();
    await page.getByRole('heading', { name: 'Setup' }).waitFor();
    const help = page.getByRole('textbox', { name: 'SMS help text' });
    await help.fill('Reply STOP to stop. Questions? Call us at 555 0100.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    const studio = await loose(store.db)
      .selectFrom('studios')
      .select('sms_help_text')
      .where('id', '=', server.studio.id)
      .executeTakeFirstOrThrow();
    expect(studio.sms_help_text).toBe('Reply STOP to stop. Questions? Call us at 555 0100.');
  });

  it('creates an SMS template: the lint problem shows on its text, the fixed one saves', async () => {
    await page.getByRole('tab', { name: 'Templates' }).click();
    await page.getByText('SMS', { exact: true }).click();
    await page.getByRole('button', { name: 'New SMS template' }).click();
    await page.getByRole('textbox', { name: 'Template name' }).fill('Session reminder');
    const body = page.getByRole('textbox', { name: 'SMS text' });
    await body.fill('Hi {{ client.frist_name }}, see you soon!');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText(/did you mean "client\.first_name"/).waitFor();
    expect(await body.getAttribute('aria-invalid')).toBe('true');

    await body.fill('Hi {{ client.first_name }}, see you soon!');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('table', { name: 'SMS templates' }).getByText('Session reminder').waitFor();
  });

  it('creates an API token and sees its secret once', async () => {
    await page.getByRole('tab', { name: 'API tokens' }).click();
    await page.getByRole('textbox', { name: 'Token name' }).fill('Booking site');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByTestId('token-secret').textContent();
    expect(secret?.length).toBeGreaterThan(20);
    await page.getByRole('table', { name: 'API tokens' }).getByText('Booking site').waitFor();
    await saveScreenshot(page, 'setup');

    // Once: after it is dismissed (or the page is read again) the secret is nowhere on the screen.
    await page.getByRole('button', { name: 'I have copied the secret' }).click();
    await page.reload();
    await page.getByRole('table', { name: 'API tokens' }).getByText('Booking site').waitFor();
    expect(await page.getByText(secret ?? '').count()).toBe(0);
  });
});
