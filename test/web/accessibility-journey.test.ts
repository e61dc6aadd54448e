import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from '../support/chromium.js';
import { wcagViolations } from './axe-audit.js';
import { focusedElement } from './focused-element.js';
import { ownerApi, welcomeEmailTrigger } from './journey-api.js';
import { signInAsOwner, startJourney, type Journey, type JourneyServer } from './journey-studio.js';

/**
 * Every screen of the staff app, with data on it, audited by axe-core against WCAG 2 A and AA in real
 * Chromium on a tablet held sideways (1024×768, the navigation shown), and the keyboard path from
 * the page start to the first screen's controls.
 */
describeInChromium('staff web app: accessibility (axe-core WCAG 2 A/AA, keyboard)', () => {
  let journey: Journey;
  let server: JourneyServer;
  let page: Page;
  // An email trigger with one pending item (Zoë's), for Process Triggers and Explain.
  let welcomeId: number;
  let zoe: number;

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
    const { api, tick } = await ownerApi(journey);
    welcomeId = await welcomeEmailTrigger({ api, tick });
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
    await page.getByRole('button', { name: `Open Zoë Ångström (Client #${zoe}) (Welcome email)` }).click();
    await page
      .getByRole('dialog', { name: 'Welcome email' })
      .getByText('Welcome to Lakeshore, Zoë')
      .waitFor();
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

  it('Records: the kinds, a list, a client with its history, and a new record form', async () => {
    await open('Records', 'Records');
    expect(await audit()).toEqual([]);
    await page.goto(`${server.url}/records/clients`);
    await page.getByRole('textbox', { name: 'Search clients' }).fill('Ångström');
    await page.getByRole('row').filter({ hasText: 'Ångström' }).first().getByRole('link').waitFor();
    expect(await audit()).toEqual([]);
    await page.goto(`${server.url}/records/clients/${zoe}`);
    await page.getByRole('heading', { name: 'Zoë Ångström', level: 1 }).waitFor();
    expect(await audit()).toEqual([]);
    await page.goto(`${server.url}/records/sessions/new?client_id=${zoe}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await audit()).toEqual([]);
  });

  it('the development inbox', async () => {
    await page.goto(`${server.url}/deliveries?tab=inbox`);
    await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
    expect(await audit()).toEqual([]);
  });

  it('an upright tablet (768×1024): the navigation behind its menu button, and a record page', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.url}/records/clients/${zoe}`);
    await page.getByRole('heading', { name: 'Zoë Ångström', level: 1 }).waitFor();
    expect(await audit()).toEqual([]);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('link', { name: 'Triggers', exact: true })
      .waitFor();
    expect(await audit()).toEqual([]);
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('link', { name: 'Triggers', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Triggers', level: 1 }).waitFor();
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it('every tab of Setup, and a template preview', async () => {
    await open('Setup', 'Setup');
    for (const tab of ['Studio settings', 'Templates', 'Catalogs', 'Staff users', 'API tokens']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await audit(), tab).toEqual([]);
    }
    await page.getByRole('tab', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Preview Welcome email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Preview “Welcome email”' });
    await dialog.getByRole('combobox', { name: 'Client' }).fill('Ångström');
    await page.getByRole('option', { name: /Zoë Ångström/ }).click();
    await dialog.getByText('Welcome to Lakeshore, Zoë').waitFor();
    expect(await audit()).toEqual([]);
  });
});
