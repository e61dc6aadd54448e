import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import { createApiToken } from '../../src/store/api-tokens.js';
import { describeInChromium } from '../support/chromium.js';
import { wcagViolations } from './axe-audit.js';
import { focusedElement } from './focused-element.js';
import { signInAsOwner, startJourney, type Journey, type JourneyServer } from './journey-studio.js';

/**
 * Every screen of the staff app, with data on it, audited by axe-core against WCAG 2 A and AA in real
 * Chromium on a tablet held sideways (1024×768, the navigation shown), and the keyboard path from the page start to the first screen's controls.
 */
describeInChromium('staff web app: accessibility (axe-core WCAG 2 A/AA, keyboard)', () => {
  let journey: Journey;
  let server: JourneyServer;
  let page: Page;
  let token: string;
  let welcomeId: number;
  let zoe: number;

  const api = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await answer.json()) as any;
    if (!answer.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  };
  const tick = async () => {
    const { now } = await api('GET', '/clock');
    await api('POST', '/clock/advance', { to: new Date(Date.parse(now) + 60_000).toISOString() });
  };
  /** Waits until nothing on the page is loading any more, then audits it. */
  const audit = async () => {
    await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
    return wcagViolations(page);
  };
  const open = async (link: string, heading: string) => {
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('link', { name: link, exact: true })
      .click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };

  beforeAll(async () => {
    journey = await startJourney();
    ({ server } = journey);
    token = (
      await createApiToken(journey.store.db, systemClock, server.studio.id, server.owner.id, 'a11y', 'owner')
    ).token;
    const template = await api('POST', '/templates', {
      name: 'Welcome email',
      channel: 'email',
      basis: 'client',
      subject: 'Welcome, {{ client.first_name }}',
      body_html: '<p>Hello {{ client.first_name }},</p><p>thank you for choosing {{ studio.name }}.</p>',
      body_text: 'Hello {{ client.first_name }}, thank you for choosing {{ studio.name }}.',
    });
    welcomeId = (
      await api('POST', '/triggers', {
        name: 'Welcome email',
        trigger_type: 'client_status',
        date_option: 'created',
        processing: 'manual',
        action: 'email',
        action_settings: { email_template_id: template.id },
      })
    ).id;
    await tick();
    zoe = (
      await api('POST', '/clients', {
        first_name: 'Zoë',
        last_name: 'Ångström',
        emails: [{ address: 'zoe@example.com', label: 'home', is_primary: true }],
      })
    ).id;
    await tick();
    page = await journey.newPage({
      reducedMotion: 'reduce',
      // The app's policy forbids inline scripts; axe is injected as one, by the test alone.
      bypassCSP: true,
    });
  });
  afterAll(() => journey?.close());

  it('the sign-in screen', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await audit()).toEqual([]);
  });

  it('keyboard: Tab from the page start reaches the navigation, then the Triggers screen, with focus shown', async () => {
    await signInAsOwner(page, server);
    await page.locator('body').focus();
    const reached: string[] = [];
    for (let step = 0; step < 30; step++) {
      await page.keyboard.press('Tab');
      const focused = await focusedElement(page);
      if (!focused) continue;
      expect(focused.visible, `focus on “${focused.name}” is not visible`).toBe(true);
      reached.push(
        focused.inNavigation ? `nav:${focused.name}` : focused.inMain ? `main:${focused.name}` : focused.name,
      );
      if (focused.inMain) break;
    }
    expect(reached).toContain('nav:Triggers');
    expect(reached.indexOf('nav:Setup')).toBeGreaterThan(reached.indexOf('nav:Triggers'));
    expect(reached.at(-1)).toMatch(/^main:/);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Setup', level: 1 }).waitFor();
  });

  it('Triggers and every tab of the trigger editor', async () => {
    await open('Triggers', 'Triggers');
    await page.getByRole('link', { name: 'Welcome email' }).waitFor();
    expect(await audit()).toEqual([]);
    await page.getByRole('link', { name: 'Welcome email' }).click();
    for (const tab of ['General', 'Action details', 'Processing', 'Exclusions']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await audit(), tab).toEqual([]);
    }
  });

  it('Process Triggers, with an item open', async () => {
    await open('Process Triggers', 'Process Triggers');
    expect(await audit()).toEqual([]);
    await page
      .getByRole('table', { name: 'Pending items by trigger' })
      .getByRole('link', { name: 'Welcome email' })
      .click();
    await page.getByRole('button', { name: `Open Client #${zoe} (Welcome email)` }).click();
    await page.getByRole('dialog', { name: 'Welcome email' }).getByText('Welcome, Zoë').waitFor();
    expect(await audit()).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('Forecast, and Explain with an explanation', async () => {
    await open('Forecast', 'Forecast');
    expect(await audit()).toEqual([]);
    await page.goto(`${server.url}/explain?trigger_id=${welcomeId}&record_id=${zoe}`);
    await page.getByRole('status').filter({ hasText: 'In short' }).waitFor();
    expect(await audit()).toEqual([]);
  });

  it.each([
    ['Deliveries', 'Deliveries'],
    ['Messages', 'Messages'],
    ['Calls', 'Calls'],
    ['Tasks', 'Tasks'],
    ['Print Batches', 'Print Batches'],
    ['Control Center', 'Control Center'],
  ])('%s', async (link, heading) => {
    await open(link, heading);
    expect(await audit()).toEqual([]);
  });

  it('every tab of Setup, and a template preview', async () => {
    await open('Setup', 'Setup');
    for (const tab of ['Studio settings', 'Templates', 'Staff users', 'API tokens']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await audit(), tab).toEqual([]);
    }
    await page.getByRole('tab', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Preview Welcome email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Preview “Welcome email”' });
    await dialog.getByRole('combobox', { name: 'Client' }).fill('Ångström');
    await page.getByRole('option', { name: /Zoë Ångström/ }).click();
    await dialog.getByText('Welcome, Zoë').waitFor();
    expect(await audit()).toEqual([]);
  });
});
