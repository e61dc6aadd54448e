import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { describeInChromium, saveScreenshot } from '../support/chromium.js';
import { ownerApi, welcomeEmailTrigger } from './journey-api.js';
import { signInAsOwner, startJourney, type Journey, type JourneyServer } from './journey-studio.js';

describeInChromium('staff web app: Process Triggers — open an item, process it, skip the rest', () => {
  let journey: Journey;
  let store: Store;
  let server: JourneyServer;
  let page: Page;
  let zoe: number;

  let api: Awaited<ReturnType<typeof ownerApi>>['api'];
  let tick: Awaited<ReturnType<typeof ownerApi>>['tick'];
  /** The Welcome email's items as the database holds them: record id and state. */
  const items = async () =>
    (await loose(store.db)
      .selectFrom('triggered_items as i')
      .innerJoin('triggers as t', 't.id', 'i.trigger_id')
      .select(['i.record_id', 'i.state'])
      .where('t.name', '=', 'Welcome email')
      .execute()) as { record_id: number; state: string }[];
  const pending = async () => (await items()).filter((i) => i.state === 'pending').length;

  beforeAll(async () => {
    journey = await startJourney();
    ({ store, server } = journey);
    ({ api, tick } = await ownerApi(journey));
    await welcomeEmailTrigger({ api, tick });
    for (const [first, last] of [
      ['Zoë', 'Ångström'],
      ['Mateo', 'Núñez'],
      ['Priya', 'Raman'],
    ] as const) {
      const client = await api('POST', '/clients', {
        first_name: first,
        last_name: last,
        emails: [{ address: `${last.toLowerCase()}@example.com`, label: 'home', is_primary: true }],
      });
      if (first === 'Zoë') zoe = Number(client.id);
    }
    await tick();
    page = await journey.newPage();
  });
  afterAll(() => journey?.close());

  it('signs in and reaches Process Triggers from the navigation', async () => {
    await signInAsOwner(page, server);
    await page.getByRole('link', { name: 'Process Triggers' }).click();
    await page.getByRole('heading', { name: 'Process Triggers' }).waitFor();
    const groups = page.getByRole('table', { name: 'Pending items by trigger' });
    await groups.getByRole('link', { name: 'Welcome email' }).click();
    await page.getByRole('heading', { name: 'Items of “Welcome email”' }).waitFor();
    expect(new URL(page.url()).searchParams.get('trigger_id')).toMatch(/^\d+$/);
    expect(
      await groups.getByRole('columnheader', { name: 'Oldest trigger date (America/Chicago)' }).count(),
    ).toBe(1);
    await expect
      .poll(() => page.getByRole('table', { name: 'Pending items', exact: true }).getByRole('row').count())
      .toBe(1 + (await pending()));
    await saveScreenshot(page, 'process-triggers');
  });

  it('opens an item: its client and the email it would send, rendered', async () => {
    await page.getByRole('button', { name: `Open Zoë Ångström (Client #${zoe}) (Welcome email)` }).click();
    const drawer = page.getByRole('dialog', { name: 'Welcome email' });
    await drawer.getByRole('heading', { name: /Zoë Ångström/ }).waitFor();
    const record = drawer.getByRole('link', { name: `Zoë Ångström (Client #${zoe})` });
    expect(await record.getAttribute('href')).toBe(`/records/clients/${zoe}`);
    await drawer.getByText('Welcome to Lakeshore, Zoë').waitFor();
    const body = page.frameLocator('iframe[title="Email as it would be sent"]');
    await body.getByText('Hello Zoë,').waitFor();
    await saveScreenshot(page, 'process-triggers-item');
  });

  it('processes that one item after confirming, by keyboard', async () => {
    const drawer = page.getByRole('dialog', { name: 'Welcome email' });
    await drawer.getByRole('button', { name: 'Process this item' }).focus();
    await page.keyboard.press('Enter');
    const ask = page.getByRole('dialog', { name: 'Process 1 item (this one)?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Process 1 item' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('1 item processed.').waitFor();
    expect((await items()).find((i) => Number(i.record_id) === zoe)?.state).toBe('processed');
  });

  it('at tablet width held upright, skips the rest after a confirmation with the count', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    // The demo's own clients may have come due too: skip whatever is left of the trigger.
    const rest = await pending();
    const shown = page.getByRole('table', { name: 'Pending items', exact: true });
    await expect.poll(() => shown.getByRole('row').count()).toBe(1 + rest);
    await page.getByRole('checkbox', { name: 'Select every item shown' }).check();
    await page.getByText(`${rest} items selected`).waitFor();
    await page.getByRole('button', { name: 'Skip the selected items' }).click();
    const ask = page.getByRole('dialog', { name: `Skip ${rest} items you selected?` });
    await ask.waitFor();
    await saveScreenshot(page, 'process-triggers-confirm');
    await ask.getByRole('button', { name: `Skip ${rest} items` }).click();
    await page.getByText(`${rest} items skipped.`).waitFor();
    // The trigger has nothing left, so it leaves the list of triggers with pending items.
    await expect.poll(() => page.getByRole('link', { name: 'Welcome email' }).count()).toBe(0);
    expect(await pending()).toBe(0);
    expect((await items()).filter((i) => i.state === 'skipped')).toHaveLength(rest);
  });
});
