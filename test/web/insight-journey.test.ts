import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium, saveScreenshot } from '../support/chromium.js';
import { ownerApi } from './journey-api.js';
import { signInAsOwner, startJourney, type Journey, type JourneyServer } from './journey-studio.js';

/**
 * The demo sandbox studio in a real Chromium: a session reminder trigger and a canceled session made
 * through the API, explained on the Explain screen; a letter written through a letter trigger, printed
 * on the Print Batches screen into a real PDF download.
 */
describeInChromium('staff web app: Explain and Print Batches', () => {
  let journey: Journey;
  let server: JourneyServer;
  let page: Page;
  let reminderId: number;
  let canceledId: number;

  let api: Awaited<ReturnType<typeof ownerApi>>['api'];
  let advance: Awaited<ReturnType<typeof ownerApi>>['tick'];

  beforeAll(async () => {
    journey = await startJourney();
    ({ server } = journey);
    ({ api, tick: advance } = await ownerApi(journey));

    // A reminder when a session starts, canceled sessions excluded; a session booked, then canceled.
    const sessionType = (await api('GET', '/types?kind=session')).data[0].id;
    const taskType = (await api('GET', '/types?kind=task')).data[0].id;
    reminderId = (
      await api('POST', '/triggers', {
        name: 'Session reminder',
        trigger_type: 'session_type',
        date_option: 'session_start',
        exclusions: { canceled: true },
        processing: 'manual',
        action: 'task',
        action_settings: { task_type_id: taskType, subject: 'Remind the client' },
      })
    ).id;
    const letterTemplate = (
      await api('POST', '/templates', {
        name: 'Thank-you letter',
        channel: 'letter',
        basis: 'client',
        body_text: 'Dear {{ client.first_name }}, thank you for choosing {{ studio.name }}.',
      })
    ).id;
    const letterTrigger = (
      await api('POST', '/triggers', {
        name: 'Thank-you letter',
        trigger_type: 'client_status',
        date_option: 'created',
        processing: 'manual',
        action: 'letter',
        action_settings: { letter_template_id: letterTemplate },
      })
    ).id;
    await advance(1);
    const client = (
      await api('POST', '/clients', {
        first_name: 'Zoë',
        last_name: 'Ångström',
        address_line1: '1 Main St',
        city: 'Springfield',
        region: 'IL',
        postal_code: '62701',
      })
    ).id;
    canceledId = (
      await api('POST', '/sessions', {
        client_id: client,
        session_type_id: sessionType,
        start: new Date(Date.parse((await api('GET', '/clock')).now) + 2 * 3_600_000).toISOString(),
        description: 'Engagement portraits',
      })
    ).id;
    await api('PATCH', `/sessions/${canceledId}`, { canceled: true });
    // Past the session's start, so the reminder's date has come; the letter item is queued too.
    await advance(3 * 60);
    await api('POST', '/queue/process', { trigger_id: letterTrigger });

    page = await journey.newPage({ acceptDownloads: true });
  });
  afterAll(() => journey?.close());

  it('signs the demo owner in and opens Explain from the navigation', async () => {
    await signInAsOwner(page, server);
    await page.getByRole('link', { name: 'Explain' }).click();
    await page.getByRole('heading', { name: 'Explain', level: 1 }).waitFor();
  });

  it('explains why the canceled session got no reminder: the canceled exclusion fails', async () => {
    await page.getByRole('combobox', { name: 'Trigger' }).click();
    await page.getByRole('option', { name: 'Session reminder' }).click();
    const picker = page.getByRole('combobox', { name: 'Session' });
    await picker.click();
    await picker.fill('Engagement');
    await page.getByRole('option', { name: /Engagement portraits · .* · canceled/ }).click();
    const summary = page.getByRole('status').filter({ hasText: 'In short' });
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(
      new RegExp(`Session ${canceledId} did not get "Session reminder".*canceled`),
    );
    const canceled = page.getByRole('row', { name: /^canceled yes Fail/ });
    await canceled.waitFor();
    expect(new URL(page.url()).search).toBe(`?trigger_id=${reminderId}&record_id=${canceledId}`);
    await saveScreenshot(page, 'explain');
  });

  it('prints the open letter batch into a real PDF and lists it as printed', async () => {
    await page.getByRole('link', { name: 'Print Batches' }).click();
    const open = page.getByRole('region', { name: 'Open batch' });
    await open
      .getByRole('table', { name: 'Letters' })
      .getByText(/Zoë Ångström/)
      .first()
      .waitFor();
    await saveScreenshot(page, 'print-batches');
    await open.getByRole('button', { name: 'Print…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Print this batch?' });
    expect(await dialog.textContent()).toMatch(/1 letter will be marked printed/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Print 1 letter' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^print-batch-\d+\.pdf$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByRole('table', { name: 'Printed batches' }).waitFor();
    await page.getByText('No letters are waiting to be printed').waitFor();
  });

  it('keeps Explain usable on an upright tablet', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.url}/explain?trigger_id=${reminderId}&record_id=${canceledId}`);
    await page.getByRole('row', { name: /^canceled yes Fail/ }).waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(768);
  });
});
