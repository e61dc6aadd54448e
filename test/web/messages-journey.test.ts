import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { studioNow } from '../../src/control-center/studio-now.js';
import { systemClock } from '../../src/domain/clock.js';
import { recordInboundSms } from '../../src/store/inbound-sms.js';
import { loose } from '../../src/store/record-table.js';
import { getStudio } from '../../src/store/studios.js';
import { describeInChromium, saveScreenshot } from '../support/chromium.js';
import { signInAsOwner, startJourney, type Journey } from './journey-studio.js';

describeInChromium('staff web app: Messages — an SMS reply arrives, is read and answered', () => {
  let journey: Journey;
  let page: Page;
  let client: { id: number; name: string; number: string };

  beforeAll(async () => {
    journey = await startJourney();
    const { store, server } = journey;
    const row = await loose(store.db)
      .selectFrom('client_phones as p')
      .innerJoin('clients as c', 'c.id', 'p.client_id')
      .select(['c.id', 'c.first_name', 'c.last_name', 'p.number'])
      .where('p.studio_id', '=', server.studio.id)
      .where('p.label', '=', 'mobile')
      .orderBy('c.id')
      .executeTakeFirstOrThrow();
    client = { id: Number(row.id), name: `${row.first_name} ${row.last_name}`, number: String(row.number) };
    // Stored as the Twilio webhook stores it, at the sandbox's own now.
    const studio = await getStudio(store.db, server.studio.id);
    await recordInboundSms(
      store.db,
      studio.id,
      {
        clientId: client.id,
        from: client.number,
        to: '+13125550100',
        body: 'Running 10 minutes late, sorry!',
      },
      studioNow(studio, systemClock),
    );
    page = await journey.newPage();
  });
  afterAll(() => journey?.close());

  /** The staff replies and their outbox deliveries, as the database holds them. */
  const replies = async () =>
    (await loose(journey.store.db)
      .selectFrom('communications as c')
      .innerJoin('deliveries as d', 'd.communication_id', 'c.id')
      .select(['c.body_text', 'c.to_address', 'd.state'])
      .where('c.studio_id', '=', journey.server.studio.id)
      .where('c.purpose', '=', 'staff_reply')
      .execute()) as { body_text: string; to_address: string; state: string }[];

  it('shows the unread count in the navigation and the unread conversation first', async () => {
    await signInAsOwner(page, journey.server);
    await page.getByRole('link', { name: 'Messages (1 unread)' }).click();
    await page.getByRole('heading', { name: 'Messages' }).waitFor();
    const first = page.getByRole('table', { name: 'Conversations' }).getByRole('row').nth(1);
    await first.getByText(client.name).waitFor();
    await first.getByText('1 unread').waitFor();
    await saveScreenshot(page, 'messages');
  });

  it('opens the conversation, which reads it, and sends a reply into the outbox', async () => {
    await page.getByRole('button', { name: `Open the conversation with ${client.name}` }).click();
    const drawer = page.getByRole('dialog', { name: `Conversation with ${client.name}` });
    await drawer.getByText('Running 10 minutes late, sorry!').waitFor();
    await page.getByRole('link', { name: 'Messages', exact: true }).waitFor();
    await drawer.getByRole('textbox', { name: 'Reply' }).fill('No problem, see you soon.');
    await drawer.getByText('25 characters · 1 SMS part (GSM-7)').waitFor();
    await drawer.getByRole('button', { name: 'Send reply' }).click();
    await drawer.getByText(/Reply queued in the outbox/).waitFor();
    await drawer.getByRole('list', { name: 'Conversation' }).getByText('No problem, see you soon.').waitFor();
    const queued = await replies();
    expect(queued.map((r) => [r.body_text, r.to_address])).toEqual([
      ['No problem, see you soon.', client.number],
    ]);
    expect(queued[0]?.state).toBe('queued');
    await saveScreenshot(page, 'messages-conversation');
  });
});
