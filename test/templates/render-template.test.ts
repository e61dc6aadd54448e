import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { renderTemplate } from '../../src/templates/render-template.js';

const NEW_YORK = { timeZone: 'America/New_York', country: 'US' };

async function renderError(source: string, data = {}): Promise<AppError> {
  const error = await renderTemplate(source, data, NEW_YORK).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('renderTemplate', () => {
  it('renders dates in the studio time zone on both sides of a DST change', async () => {
    const source = '{{ session.start | date: "%A %B %-d at %-I:%M %p" }}';
    // 2026-03-08 is the spring-forward Sunday in New York: EST (UTC-5) before, EDT (UTC-4) after.
    const before = await renderTemplate(source, { session: { start: '2026-03-07T15:00:00Z' } }, NEW_YORK);
    const after = await renderTemplate(source, { session: { start: '2026-03-09T14:00:00Z' } }, NEW_YORK);
    expect(before).toBe('Saturday March 7 at 10:00 AM');
    expect(after).toBe('Monday March 9 at 10:00 AM');
  });

  it('renders the same instant in another studio zone', async () => {
    const data = { session: { start: '2026-07-01T16:30:00Z' } };
    const source = '{{ session.start | date: "%-d %b %H:%M" }}';
    expect(await renderTemplate(source, data, { timeZone: 'Europe/London', country: 'GB' })).toBe(
      '1 Jul 17:30',
    );
    expect(await renderTemplate(source, data, { timeZone: 'Australia/Sydney', country: 'AU' })).toBe(
      '2 Jul 02:30',
    );
  });

  it('prints a local date as that day, whatever the zone', async () => {
    const data = { client: { birth_date: '1990-03-08' } };
    const source = '{{ client.birth_date | date: "%B %-d, %Y" }}';
    expect(await renderTemplate(source, data, NEW_YORK)).toBe('March 8, 1990');
    expect(await renderTemplate(source, data, { timeZone: 'Pacific/Auckland', country: 'NZ' })).toBe(
      'March 8, 1990',
    );
  });

  it('refuses "now" because the clock is not the template\'s to read', async () => {
    const error = await renderError('{{ "now" | date: "%Y" }}');
    expect(error.code).toBe('ERR_VALIDATION');
    expect(error.message).toContain('"now" is not available');
  });

  it('formats integer cents as dollars', async () => {
    const data = { invoice: { total_cents: 123450, balance_cents: 0, credit: -500 } };
    expect(
      await renderTemplate(
        '{{ invoice.total_cents | money }} {{ invoice.balance_cents | money }} {{ invoice.credit | money }}',
        data,
        NEW_YORK,
      ),
    ).toBe('$1,234.50 $0.00 -$5.00');
    expect(
      await renderTemplate('{{ x | money }}', { x: 100 }, { ...NEW_YORK, currency: 'EUR', locale: 'de-DE' }),
    ).toBe('1,00\u00a0€');
    expect((await renderError('{{ x | money }}', { x: 12.5 })).message).toContain('whole number of cents');
  });

  it('prints phone numbers nationally for the studio country and internationally otherwise', async () => {
    const data = { client: { mobile: '+12125550142', abroad: '+442079460958' } };
    expect(
      await renderTemplate('{{ client.mobile | phone }} / {{ client.abroad | phone }}', data, NEW_YORK),
    ).toBe('(212) 555-0142 / +44 20 7946 0958');
    expect(
      await renderTemplate('{{ client.abroad | phone }}', data, { timeZone: 'Europe/London', country: 'GB' }),
    ).toBe('020 7946 0958');
  });

  it('renders missing and null values as nothing, through every filter', async () => {
    const data = { session: { start: null, location: null }, invoice: { total_cents: null } };
    const source =
      '[{{ session.location }}][{{ session.start | date: "%Y" }}][{{ invoice.total_cents | money }}]' +
      '[{{ client.mobile | phone }}][{{ session.nothing }}]';
    expect(await renderTemplate(source, data, NEW_YORK)).toBe('[][][][][]');
    expect(await renderTemplate('{{ session.location | default: "the studio" }}', data, NEW_YORK)).toBe(
      'the studio',
    );
  });

  it('turns syntax errors and unknown filters into ERR_VALIDATION naming the problem and position', async () => {
    const unclosed = await renderError('Hi\n{% if client.first_name %}');
    expect(unclosed.code).toBe('ERR_VALIDATION');
    expect(unclosed.details[0]).toEqual({
      path: 'template',
      problem: expect.stringContaining('line 2, column 1'),
    });
    const filter = await renderError('{{ client.first_name | shout }}');
    expect(filter.message).toContain('undefined filter: shout');
  });

  it('refuses merge data that is not plain data', async () => {
    const error = await renderError('{{ x }}', { x: () => 'hi' });
    expect(error.details[0]?.path).toBe('data');
  });
});
