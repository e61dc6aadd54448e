import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { describeInChromium, saveScreenshot } from '../support/chromium.js';
import { signInAsOwner, startJourney, type Journey, type JourneyServer } from './journey-studio.js';

/** The hour and ISO weekday (1 Monday … 7 Sunday) of an instant in a time zone. */
function localHourAndWeekday(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    hourCycle: 'h23',
    weekday: 'short',
  })
    .formatToParts(instant)
    .reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '') + 1;
  return { hour: Number(parts.hour), weekday };
}

/** The first instant at or after `from`, on the hour, inside 09:00–17:00 and not on a Sunday. */
function nextOpenHour(from: Date, timeZone: string): Date {
  let at = new Date(Math.ceil(from.getTime() / 3_600_000) * 3_600_000);
  for (;;) {
    const { hour, weekday } = localHourAndWeekday(at, timeZone);
    if (weekday !== 7 && hour >= 9 && hour < 17) return at;
    at = new Date(at.getTime() + 3_600_000);
  }
}

describeInChromium('staff web app: creating an automatic SMS reminder in the trigger editor', () => {
  let journey: Journey;
  let store: Store;
  let server: JourneyServer;
  let page: Page;
  let csrf: string;

  beforeAll(async () => {
    journey = await startJourney();
    ({ store, server } = journey);
    page = await journey.newPage();
  });
  afterAll(() => journey?.close());

  /** The API as the signed-in browser reaches it: its cookie, and the session's CSRF token on writes. */
  const api = async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const answer = await page.request.fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { 'x-csrf-token': csrf },
      ...(data !== undefined ? { data } : {}),
    });
    expect(answer.ok(), `${method} ${path}: ${await answer.text()}`).toBe(true);
    return (await answer.json()) as T;
  };

  const choose = async (label: RegExp, option: string) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('signs in, adds an SMS template through the API and opens New trigger from the list', async () => {
    await signInAsOwner(page, server);
    csrf = (await api<{ csrf_token: string }>('GET', '/auth/me')).csrf_token;
    await api('POST', '/templates', {
      name: 'Session reminder SMS',
      channel: 'sms',
      basis: 'session',
      body_text: 'Hi {{ client.first_name }}, a reminder of your session in two days. See you then!',
    });
    await page.getByRole('link', { name: 'New trigger' }).click();
    await page.getByRole('heading', { name: 'New trigger' }).waitFor();
  });

  it('fills the four tabs: 2 days before session start, SMS, 09:00–17:00, not on Sundays', async () => {
    await page.getByRole('textbox', { name: /^Name/ }).fill('Session reminder');
    await choose(/^Trigger type/, 'Session Type');
    await choose(/^When/, 'Before');
    await page.getByRole('textbox', { name: 'Amount' }).fill('2');

    await page.getByRole('tab', { name: 'Action details' }).click();
    await choose(/^Action/, 'SMS');
    await choose(/^SMS template/, 'Session reminder SMS');
    await page.getByText(/^Template: \d+ characters · 1 SMS part \(GSM-7\)$/).waitFor();
    await page.getByRole('combobox', { name: 'Preview for' }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByText(/^As sent: \d+ characters · 1 SMS part \(GSM-7\)$/).waitFor();
    // The merge field filled with the chosen session's client, not left as written.
    expect(await page.getByLabel('Preview', { exact: true }).textContent()).toMatch(/^Hi [^{]+, a reminder/);
    await page.getByRole('checkbox', { name: /^Transactional/ }).check();

    await page.getByRole('tab', { name: 'Processing' }).click();
    await page.getByRole('radio', { name: /^Control Center/ }).check();
    await page.getByLabel('From (America/Chicago)').fill('09:00');
    await page.getByLabel('To (America/Chicago)').fill('17:00');
    await page.getByRole('checkbox', { name: 'Sunday' }).check();

    await page.getByRole('tab', { name: 'Exclusions' }).click();
    await page.getByRole('checkbox', { name: 'Not when the record is canceled' }).check();
    await page.getByRole('tab', { name: 'Action details' }).click();
    await saveScreenshot(page, 'trigger-editor');
  });

  it('creates it and shows the baseline summary', async () => {
    await page.getByRole('button', { name: 'Create trigger' }).click();
    await page.getByText(/^\d+ occurrences? baselined, \d+ fall due in the next 30 days\.$/).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/triggers\/\d+$/);
  });

  it('advancing the test clock sends the reminder by SMS in the time frame', async () => {
    const triggerId = Number(new URL(page.url()).pathname.split('/').pop());
    const forecast = await api<{ items: { trigger_date: string }[] }>(
      'GET',
      `/forecast?days=30&trigger_id=${triggerId}`,
    );
    expect(forecast.items.length).toBeGreaterThan(0);
    // Far enough for a few reminders to fall due (some clients have no mobile), then into the frame.
    const last = forecast.items[Math.min(4, forecast.items.length - 1)]!;
    const to = nextOpenHour(new Date(last.trigger_date), 'America/Chicago');
    await api('POST', '/clock/advance', { to: to.toISOString() });

    const items = await loose(store.db)
      .selectFrom('triggered_items')
      .select(['id', 'state'])
      .where('trigger_id', '=', triggerId)
      .execute();
    expect(items.map((i) => String(i.state))).toContain('processed');
  });

  it('shows the reminder SMS with its recipient in the Deliveries screen’s development inbox', async () => {
    await page.getByRole('link', { name: 'Deliveries' }).click();
    await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Development inbox' }).click();
    const inbox = page.getByRole('table', { name: 'Development inbox' });
    const open = inbox.getByRole('button', { name: /^Open the SMS: Hi [^{]+, a reminder of your session/ });
    await open.first().waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('inbox');
    await open.first().click();
    const drawer = page.getByRole('dialog', { name: /^SMS to / });
    const text = drawer.getByLabel('SMS text');
    await text.waitFor();
    expect(await text.textContent()).toMatch(
      /^Hi [^{]+, a reminder of your session in two days\. See you then!$/,
    );
    // The recipient as staff read it: the client's name and the mobile number it went to.
    expect(await drawer.textContent()).toMatch(/To: [^<]+ <\+1\d{10}>/);
    // The drawer has finished sliding in before the picture is taken.
    await text.click({ trial: true });
    await saveScreenshot(page, 'development-inbox');
  });
});
