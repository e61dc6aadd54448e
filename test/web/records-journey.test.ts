import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { describeInChromium, saveScreenshot } from '../support/chromium.js';
import { signInAsOwner, startJourney, type Journey, type JourneyServer } from './journey-studio.js';

describeInChromium('staff web app: Records — a client found, edited, booked and moved on', () => {
  let journey: Journey;
  let store: Store;
  let server: JourneyServer;
  let page: Page;
  let client: { id: number; first_name: string; last_name: string };

  beforeAll(async () => {
    journey = await startJourney();
    ({ store, server } = journey);
    client = (await loose(store.db)
      .selectFrom('clients')
      .select(['id', 'first_name', 'last_name'])
      .where('studio_id', '=', server.studio.id)
      .orderBy('id')
      .executeTakeFirstOrThrow()) as typeof client;
    page = await journey.newPage();
    await signInAsOwner(page, server);
  });
  afterAll(() => journey?.close());

  const pick = async (label: string | RegExp, option: string) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('finds the client by search and opens it', async () => {
    await page.getByRole('link', { name: 'Records' }).click();
    await page.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('textbox', { name: 'Search clients' }).fill(client.last_name);
    const table = page.getByRole('table', { name: 'Clients' });
    await table.getByText(client.last_name, { exact: true }).first().waitFor();
    await table.getByRole('row').filter({ hasText: client.last_name }).first().getByRole('link').click();
    await page.getByRole('heading', { name: `${client.first_name} ${client.last_name}` }).waitFor();
  });

  it('edits the client’s city', async () => {
    await page.getByRole('button', { name: 'Edit client' }).click();
    await page.getByRole('textbox', { name: 'City' }).fill('Evanston');
    await page.getByRole('button', { name: 'Save client' }).click();
    await page.getByRole('table', { name: 'Client fields' }).getByText('Evanston').waitFor();
    const row = await loose(store.db)
      .selectFrom('clients')
      .select('city')
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow();
    expect(row.city).toBe('Evanston');
  });

  it('adds a session for the client and changes its status', async () => {
    await page.getByRole('link', { name: 'Add session' }).click();
    const form = page.getByRole('form', { name: 'New session' });
    await expect
      .poll(() => form.getByRole('combobox', { name: /^Client/ }).inputValue())
      .toBe(`${client.first_name} ${client.last_name}`);
    await pick(/^Session type/, 'Headshot');
    await form.getByLabel(/^Start \(/).fill('2026-09-14T10:30');
    await form.getByRole('textbox', { name: 'Session number' }).fill('J-1001');
    await form.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('table', { name: 'Session fields' }).waitFor();

    await pick('New status', 'Confirmed');
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('table', { name: 'Status history' }).getByText('Confirmed').waitFor();
    const session = await loose(store.db)
      .selectFrom('sessions as s')
      .innerJoin('statuses as st', 'st.id', 's.status_id')
      .select(['st.name', 's.client_id'])
      .where('s.session_number', '=', 'J-1001')
      .executeTakeFirstOrThrow();
    expect(session).toEqual({ name: 'Confirmed', client_id: client.id });
  });

  it('shows the client with the new session, on a tablet without sideways scrolling', async () => {
    await page
      .getByRole('table', { name: 'Session fields' })
      .getByRole('link', { name: `${client.first_name} ${client.last_name}` })
      .click();
    await page.getByRole('table', { name: 'Sessions of this client' }).getByText('J-1001').waitFor();
    await saveScreenshot(page, 'records-client');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('heading', { name: `${client.first_name} ${client.last_name}` }).waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(768);
  });
});
