import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { describeInChromium, launchChromium, saveScreenshot } from '../support/chromium.js';
import { freshStore } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';
import { CLIENT_FORM, makeForm } from './web-form-support.js';

describeInChromium('a client fills in a web form on a phone', () => {
  let store: Store;
  let s: ProcessingStudio;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    store = (await freshStore('sqlite')).store;
    s = await processingStudio(store);
    await s.api.create('/statuses', { kind: 'web_form', name: 'Submitted', is_submit: true });
    base = await s.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await s?.app.close();
    await store?.close();
  });

  it('sees the prefilled form, is told about a mistake at the field, fixes it and sends the form', async () => {
    const template = await s.api.create('/web-form-templates', {
      name: 'Before your session',
      basis: 'client',
      title: 'Help us plan your session',
      definition: CLIENT_FORM,
    });
    const { url, clientId } = await makeForm(s, template.id, {
      first_name: 'Grace',
      emails: [{ address: 'grace@example.com', is_primary: true }],
    });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    await page.goto(base + url);
    const firstName = page.getByLabel('First name');
    await expect.poll(() => firstName.inputValue()).toBe('Grace');
    expect(await page.getByRole('textbox', { name: /^Email/ }).inputValue()).toBe('grace@example.com');
    await saveScreenshot(page, 'web-form');

    await page.getByRole('textbox', { name: /^Email/ }).fill('grace.example.com');
    await page.getByLabel('Style').selectOption('Outdoor');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForLoadState();
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Email: is not a valid email address');
    // The summary takes the focus, so a screen reader starts with it; the field says it too.
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('alert');
    const email = page.getByRole('textbox', { name: /^Email/ });
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const ids = ((await email.getAttribute('aria-describedby')) ?? '').split(' ');
    const notes = await Promise.all(ids.map((id) => page.locator(`#${id}`).textContent()));
    const description = notes.join(' ');
    expect(description).toContain('is not a valid email address');
    await page.getByRole('link', { name: /^Email:/ }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('f-email');

    await email.fill('grace@hopper.example');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you');
    const client = await s.api.read(`/clients/${clientId}`);
    expect(client.emails).toEqual([expect.objectContaining({ address: 'grace@hopper.example' })]);
    await page.close();
  });
});
