import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';
import { CLIENT_FORM, CONTACT_FORM } from './web-form-support.js';

const field = (overrides: Record<string, unknown>) => ({ name: 'f', type: 'text', label: 'F', ...overrides });
const onePage = (...fields: unknown[]) => ({ pages: [{ fields }] });

forEachDialect('web form template definitions', (store) => {
  const ctx = useStudioApi(store);
  let templateId: number;

  beforeAll(async () => {
    templateId = (
      await ctx().owner.create('/web-form-templates', {
        name: 'Q',
        basis: 'session',
        definition: onePage(field({})),
      })
    ).id;
  });

  const refused: [string, string, unknown, string, RegExp][] = [
    [
      'a binding to a field of no kind the basis reaches',
      'client',
      onePage(field({}), field({ name: 'g' }), field({ name: 'h', binding: 'session.notes' })),
      'definition.pages[0].fields[2].binding',
      /client for a client form/,
    ],
    [
      'a binding to a field Triggerfish sets',
      'client',
      onePage(field({ binding: 'client.status_due_date', type: 'date' })),
      'definition.pages[0].fields[0].binding',
      /cannot be written by a web form/,
    ],
    [
      'a binding of the wrong type',
      'session',
      onePage(field({ type: 'date', binding: 'client.first_name', required: true })),
      'definition.pages[0].fields[0].binding',
      /holds text values, not date/,
    ],
    [
      'an unknown field',
      'invoice',
      onePage(field({ binding: 'invoice.colour' })),
      'definition.pages[0].fields[0].binding',
      /colour is not a field of invoice/,
    ],
    [
      'an unknown type',
      'client',
      onePage(field({ type: 'slider' })),
      'definition.pages[0].fields[0].type',
      /must be one of: text, email/,
    ],
    [
      'a choice without choices',
      'client',
      onePage(field({ type: 'choice' })),
      'definition.pages[0].fields[0].choices',
      /list of 1 to 50 choices/,
    ],
    [
      'choices the bound field cannot hold',
      'client',
      onePage(field({ type: 'choice', choices: ['consumer', 'alien'], binding: 'client.client_type' })),
      'definition.pages[0].fields[0].choices',
      /alien cannot be stored/,
    ],
    [
      'an optional field bound to a required one',
      'client',
      onePage(field({ binding: 'client.last_name' })),
      'definition.pages[0].fields[0].required',
      /cannot be left empty on a client/,
    ],
    [
      'two fields of one name',
      'client',
      { pages: [{ fields: [field({})] }, { fields: [field({})] }] },
      'definition.pages[1].fields[0].name',
      /used by another field/,
    ],
    [
      'no label',
      'client',
      onePage({ name: 'f', type: 'text' }),
      'definition.pages[0].fields[0].label',
      /is required/,
    ],
    ['no pages', 'client', { pages: [] }, 'definition.pages', /1 to 20 pages/],
    [
      'an unknown key',
      'client',
      onePage(field({ colour: 'red' })),
      'definition.pages[0].fields[0].colour',
      /not part of a field/,
    ],
    [
      'a contact form that does not ask for a name',
      'contact_us',
      onePage(field({ type: 'email', binding: 'client.email' })),
      'definition.pages',
      /needs a required field bound to client.first_name/,
    ],
  ];
  for (const [what, basis, definition, path, problem] of refused) {
    it(`refuses ${what}, naming the path`, async () => {
      const answer = await ctx().owner.post('/web-form-templates', {
        name: what.slice(0, 90),
        basis,
        definition,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.details).toContainEqual({ path, problem: expect.stringMatching(problem) });
    });
  }

  it('leaves the template as it was when a change of its definition is refused', async () => {
    const before = await ctx().owner.read(`/web-form-templates/${templateId}`);
    const answer = await ctx().owner.patch(`/web-form-templates/${templateId}`, {
      definition: onePage(field({ binding: 'session.start' })),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toContainEqual({
      path: 'definition.pages[0].fields[0].binding',
      problem: 'session.start holds datetime values, not text',
    });
    expect(await ctx().owner.read(`/web-form-templates/${templateId}`)).toEqual(before);
  });

  it('takes the documented examples, and gives every template an unguessable public key', async () => {
    for (const [basis, definition] of [
      ['client', CLIENT_FORM],
      ['contact_us', CONTACT_FORM],
    ] as const) {
      const made = await ctx().owner.create('/web-form-templates', {
        name: `Example ${basis}`,
        basis,
        definition,
      });
      expect(made.definition).toEqual(definition);
      expect(made.public_key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });
});
