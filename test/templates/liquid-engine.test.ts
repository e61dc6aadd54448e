import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { renderTemplate } from '../../src/templates/render-template.js';

const NEW_YORK = { timeZone: 'America/New_York', country: 'US' };
const DATA = { client: { first_name: 'Zoë', phones: [{ number: '+12125550142' }] } };

async function renderError(source: string, data = {}): Promise<AppError> {
  const error = await renderTemplate(source, data, NEW_YORK).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the template sandbox', () => {
  it('cannot read files with include, render or layout', async () => {
    for (const source of [
      '{% include "package.json" %}',
      '{% render "package.json" %}',
      '{% include "/etc/passwd" %}',
      '{% render "/etc/passwd" %}',
      '{% include "../../../../etc/passwd" %}',
      '{% layout "package.json" %}x',
    ]) {
      const error = await renderError(source);
      expect(error.message, source).toContain('Failed to lookup');
      expect(error.message, source).not.toContain('triggerfish');
      expect(error.message, source).not.toContain('root:');
    }
  });

  it('cannot reach prototypes, constructors or functions of its data', async () => {
    const source = [
      '{{ client.constructor }}',
      '{{ client.__proto__ }}',
      '{{ client.constructor.name }}',
      '{{ "x".constructor.name }}',
      '{{ client.first_name.constructor }}',
      '{{ client.hasOwnProperty }}',
      '{{ client.toString }}',
      '{{ client.phones.constructor }}',
      '{{ client.phones.push }}',
      '{{ client["__proto__"]["constructor"] }}',
    ].join('|');
    expect(await renderTemplate(source, DATA, NEW_YORK)).toBe('|||||||||');
  });

  it('still reads the data itself', async () => {
    expect(
      await renderTemplate(
        '{{ client.first_name }} {{ client.phones.first.number | phone }}',
        DATA,
        NEW_YORK,
      ),
    ).toBe('Zoë (212) 555-0142');
  });

  it('stops a runaway range loop quickly with a clear error', async () => {
    const started = performance.now();
    const error = await renderError('{% for i in (1..100000000) %}x{% endfor %}');
    expect(error.message).toMatch(/limit exceeded/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops a render that runs too long', async () => {
    const started = performance.now();
    const xs = Array.from({ length: 1000 }, (_, i) => i);
    const error = await renderError(
      '{% for i in xs %}{% for j in xs %}{% for k in xs %}{{ k }}{% endfor %}{% endfor %}{% endfor %}',
      { xs },
    );
    expect(error.message).toContain('render limit exceeded');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('stops a string that doubles in a loop', async () => {
    const error = await renderError(
      '{% assign s = "xx" %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}',
    );
    expect(error.message).toContain('memory alloc limit exceeded');
  });

  it('refuses a template longer than the parse limit', async () => {
    const error = await renderError('x'.repeat(200_001));
    expect(error.message).toContain('parse length limit exceeded');
  });
});
