import { beforeAll, describe, expect, it } from 'vitest';
import { withUnsubscribeLink } from '../../src/processing/unsubscribe-link.js';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';

const URL = 'https://studio.example/u/tf-unsubscribe-token';

describe('the visible unsubscribe link of a marketing email', () => {
  it('adds a footer to each part that does not have the link', () => {
    expect(withUnsubscribeLink('<p>Spring minis are back!</p>', 'Spring minis are back!\n\n', URL)).toEqual({
      html: `<p>Spring minis are back!</p>\n<p style="font-size:12px;color:#666666">Don't want these emails? <a href="${URL}">Unsubscribe</a>.</p>`,
      text: `Spring minis are back!\n\n--\nUnsubscribe: ${URL}\n`,
    });
  });

  it('puts the footer inside the body of a whole HTML document', () => {
    const { html } = withUnsubscribeLink('<html><body><p>Hi</p></body></html>', null, URL);
    expect(html).toMatch(/^<html><body><p>Hi<\/p><p .*Unsubscribe<\/a>\.<\/p>\n<\/body><\/html>$/);
  });

  it('leaves a part alone when the template placed the link itself, and a missing part missing', () => {
    const html = `<p>Spring minis! <a href="${URL}">No more offers, please</a></p>`;
    expect(withUnsubscribeLink(html, null, URL)).toEqual({ html, text: null });
    const text = `Spring minis! Stop these: ${URL}`;
    expect(withUnsubscribeLink(null, text, URL)).toEqual({ html: null, text });
  });
});

forEachDialect('unsubscribe links at processing', (store) => {
  let s: ProcessingStudio;
  beforeAll(async () => {
    s = await processingStudio(store());
  });
  /** Fires an email trigger with this template's parts to a new client at `address`. */
  const emailWith = async (parts: Record<string, string>, address: string, transactional = false) => {
    const template = await s.api.create('/templates', {
      name: address,
      channel: 'email',
      basis: 'client',
      ...parts,
    });
    return s.fire(
      { action: 'email', action_settings: { email_template_id: template.id, transactional } },
      { emails: [{ address, label: 'home', is_primary: true }] },
    );
  };

  it('fills links.unsubscribe_url with the signed link where the template places it, and adds no footer', async () => {
    const fired = await emailWith(
      {
        subject: 'Spring minis',
        body_html: '<p>Book now. <a href="{{ links.unsubscribe_url }}">No more offers</a></p>',
        body_text: 'Book now. No more offers: {{ links.unsubscribe_url }}',
      },
      'offers@example.com',
    );
    const [message] = fired.communications;
    const url = /No more offers: (\S+)$/.exec(message.body_text)?.[1] as string;
    expect(url).toMatch(
      new RegExp(`/u/${s.fixture.studio.id}\\.${fired.clientId}\\.email\\.${message.id}\\.[\\w-]{43}$`),
    );
    expect(message.body_html).toBe(`<p>Book now. <a href="${url}">No more offers</a></p>`);
  });

  it('gives transactional email no link: the merge field is empty and no footer is added', async () => {
    const fired = await emailWith(
      { subject: 'Your receipt', body_text: 'Thank you.[{{ links.unsubscribe_url }}]' },
      'receipt@example.com',
      true,
    );
    expect(fired.communications.map((c: any) => [c.body_text, c.is_marketing])).toEqual([
      ['Thank you.[]', false],
    ]);
  });
});
