import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium, saveScreenshot } from '../support/chromium.js';
import { callAdaTheRealWay } from '../support/welcome-call.js';
import { ownerApi } from './journey-api.js';
import { signInAsOwner, startJourney, type Journey } from './journey-studio.js';

/**
 * The demo sandbox studio's work lists in a real Chromium: a call logged, a task completed and
 * another reassigned, a session reminder seen on the Forecast, and the Messages, Setup and Trigger
 * editor screens on an upright tablet.
 */
describeInChromium('staff web app: Calls, Tasks, Forecast, and the tablet', () => {
  let journey: Journey;
  let page: Page;
  let api: Awaited<ReturnType<typeof ownerApi>>['api'];
  let tick: Awaited<ReturnType<typeof ownerApi>>['tick'];
  let now = 0;
  let ownerName = '';
  const localDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  beforeAll(async () => {
    journey = await startJourney();
    ({ api, tick } = await ownerApi(journey));
    now = Date.parse(String((await api('GET', '/clock')).now));
    const post = async (path: string, body: unknown) => (await api('POST', path, body)).id as number;

    const { clientId: ada } = await callAdaTheRealWay(post, () => tick());
    // A reminder task the day before each Journey session: what the Forecast shows.
    const sessionType = await post('/types', { kind: 'session', name: 'Journey shoot' });
    const taskType = await post('/types', { kind: 'task', name: 'Journey task' });
    await post('/triggers', {
      name: 'Shoot reminder',
      trigger_type: 'session_type',
      filter_type_id: sessionType,
      date_option: 'session_start',
      offset: { when: 'before', amount: 1, unit: 'days' },
      processing: 'manual',
      action: 'task',
      action_settings: { task_type_id: taskType, subject: 'Remind {{ client.first_name }}' },
    });
    await tick();
    await post('/sessions', {
      client_id: ada,
      session_type_id: sessionType,
      start: new Date(now + 5 * 86_400_000).toISOString(),
      description: 'Family portrait',
    });
    // Two tasks due first of all (the demo's own tasks come later).
    for (const subject of ['Order frames', 'Design the album']) {
      await post('/tasks', { task_type_id: taskType, subject, due_date: localDate(now - 30 * 86_400_000) });
    }
    const users = (await api('GET', '/users')).data as { id: number; name: string }[];
    ownerName = users.find((u) => u.id === journey.server.owner.id)?.name ?? '';
    page = await journey.newPage();
    await signInAsOwner(page, journey.server);
  });
  afterAll(() => journey?.close());

  it('logs an outcome for a call on the call list', async () => {
    await page.getByRole('link', { name: 'Calls' }).click();
    const row = page
      .getByRole('table', { name: 'Calls' })
      .getByRole('row')
      .filter({ hasText: 'Welcome Ada' });
    await row.getByRole('button', { name: /Log an outcome for the call to/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Call outcome' });
    await drawer.getByRole('radio', { name: 'Left message' }).check();
    await drawer.getByRole('textbox', { name: 'Note' }).fill('Will call back Friday');
    await drawer.getByRole('button', { name: 'Log outcome' }).click();
    await row.getByText('Left message — Will call back Friday').waitFor();
    await saveScreenshot(page, 'calls');
    const open = await api('GET', '/calls?state=open');
    const call = open.data.find((c: { subject: string }) => c.subject === 'Welcome Ada');
    expect(call?.outcome).toBe('left_message');
  });

  it('completes one task and reassigns another to a staff member', async () => {
    await page.getByRole('link', { name: 'Tasks' }).click();
    const table = page.getByRole('table', { name: 'Open tasks' });
    await table.getByRole('button', { name: 'Complete Order frames' }).click();
    let dialog = page.getByRole('dialog', { name: 'Complete “Order frames”' });
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Picked up');
    await dialog.getByRole('button', { name: 'Complete task' }).click();
    await expect.poll(() => table.getByText('Order frames').count()).toBe(0);

    await table.getByRole('button', { name: 'Reassign Design the album' }).click();
    dialog = page.getByRole('dialog', { name: 'Reassign “Design the album”' });
    await dialog.getByRole('combobox', { name: 'Assign to' }).click();
    await page.getByRole('option', { name: ownerName }).click();
    await dialog.getByRole('button', { name: 'Reassign task' }).click();
    const album = table.getByRole('row').filter({ hasText: 'Design the album' });
    await album.getByText(ownerName).waitFor();
    await saveScreenshot(page, 'tasks');
  });

  it('shows the reminder in the Forecast calendar, lists its day when picked, and explains it', async () => {
    // Wide enough for trigger names in the cells, tall enough to show the picked day below.
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.getByRole('link', { name: 'Forecast' }).click();
    await page.getByRole('heading', { name: 'Forecast', level: 1 }).waitFor();
    const calendar = page.getByRole('table', { name: /^Calendar from / });
    const reminderDay = calendar.getByRole('button', { name: /\b1 Shoot reminder\b/ });
    await reminderDay.click();
    await expect.poll(() => reminderDay.getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).searchParams.get('day')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const section = page.getByRole('region').filter({ hasText: 'Shoot reminder' });
    await section
      .getByRole('link', { name: /^Explain Ada Lovelace · Family portrait \(Session #\d+\)$/ })
      .waitFor();
    expect(await page.getByRole('region').count()).toBe(1);
    await saveScreenshot(page, 'forecast');

    // An upright tablet: the whole week fits, with no sideways scroll.
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(768);
    const box = await calendar.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(768);
    await calendar.getByRole('columnheader', { name: 'Sun' }).waitFor();
    expect(await calendar.getByRole('columnheader', { name: 'Sun' }).isVisible()).toBe(true);
    await page.setViewportSize({ width: 1024, height: 768 });

    await section
      .getByRole('link', { name: /^Explain Ada Lovelace · Family portrait \(Session #\d+\)$/ })
      .click();
    await page.getByRole('heading', { name: 'Explain', level: 1 }).waitFor();
    const recordId = new URL(page.url()).searchParams.get('record_id');
    expect(recordId).toMatch(/^\d+$/);

    // From the explanation to the session itself, to check the fields it was judged by.
    await page.getByRole('link', { name: `Open Session #${recordId}` }).click();
    await page.getByRole('heading', { name: /^Family portrait/, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/records/sessions/${recordId}`);
  });

  it('keeps Messages, Setup and the Trigger editor usable on an upright tablet', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    const screens: [string, (p: Page) => ReturnType<Page['getByRole']>][] = [
      ['/messages', (p) => p.getByRole('heading', { name: 'Messages', level: 1 })],
      ['/setup', (p) => p.getByRole('button', { name: 'Save settings' })],
      ['/triggers/new', (p) => p.getByRole('button', { name: 'Create trigger' })],
    ];
    for (const [path, mainAction] of screens) {
      await page.goto(`${journey.server.url}${path}`);
      await mainAction(page).waitFor();
      expect(await mainAction(page).isVisible(), path).toBe(true);
      expect(await page.evaluate('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(768);
    }
    await page.getByRole('tab', { name: 'Action details' }).click();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(768);
  });
});
