import { describe, expect, it } from 'vitest';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { validateRecordInput, type ValidationOptions } from '../../src/domain/validate-record-input.js';

const client = recordKind('client');
const session = recordKind('session');
const type = recordKind('type');
const create: ValidationOptions = { mode: 'create', country: 'US' };
const update: ValidationOptions = { mode: 'update', country: 'US' };

const paths = (input: unknown, kind = client, options = create) =>
  validateRecordInput(kind, input, options).problems.map((p) => p.path);

describe('validateRecordInput', () => {
  it('reports every problem of a body at once, each with its field path', () => {
    const { problems } = validateRecordInput(
      client,
      {
        first_name: '',
        last_name: 42,
        birth_date: '2026-02-30',
        client_type: 'alien',
        allow_marketing_sms: 'yes',
        phones: [{ number: 'not a phone' }, { number: '(212) 555-0142', colour: 'red' }, 'x'],
        emails: [{ address: 'nope' }],
        nickname: 'Z',
      },
      create,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'first_name', problem: 'is required' },
        { path: 'last_name', problem: 'must be text' },
        { path: 'birth_date', problem: 'must be a date written YYYY-MM-DD' },
        { path: 'client_type', problem: 'must be one of: consumer, business' },
        { path: 'allow_marketing_sms', problem: 'must be true or false' },
        { path: 'phones.0.number', problem: 'is not a valid phone number (read in country US)' },
        { path: 'phones.1.colour', problem: 'is not a field of this list' },
        { path: 'phones.2', problem: 'must be an object' },
        { path: 'emails.0.address', problem: 'is not a valid email address' },
        { path: 'nickname', problem: 'is not a field of client' },
      ]),
    );
    expect(problems).toHaveLength(10);
  });

  it('requires required fields on create only, and never lets an update blank them', () => {
    expect(paths({}, client, create)).toEqual(['first_name', 'last_name']);
    expect(paths({}, client, update)).toEqual([]);
    expect(validateRecordInput(client, { first_name: null, last_name: '  ' }, update).problems).toEqual([
      { path: 'first_name', problem: 'is required' },
      { path: 'last_name', problem: 'is required' },
    ]);
  });

  it('fills defaults on create but not on update, and lets null clear an optional field', () => {
    const created = validateRecordInput(client, { first_name: 'A', last_name: 'B' }, create);
    expect(created.values).toMatchObject({ client_type: 'consumer', allow_marketing_sms: 0 });
    const updated = validateRecordInput(client, { birth_date: null, allow_marketing_sms: null }, update);
    expect(updated.values).toEqual({ birth_date: null, allow_marketing_sms: 0 });
  });

  it('refuses fields Triggerfish sets itself, including id and timestamps sent back from a read', () => {
    const { problems } = validateRecordInput(
      client,
      { status_due_date: '2026-01-01', id: 5, created_at: 'x', updated_at: 'x' },
      update,
    );
    expect(problems).toEqual([
      { path: 'id', problem: 'is set by Triggerfish and cannot be written' },
      { path: 'created_at', problem: 'is set by Triggerfish and cannot be written' },
      { path: 'updated_at', problem: 'is set by Triggerfish and cannot be written' },
      { path: 'status_due_date', problem: 'is set by Triggerfish and cannot be written' },
    ]);
  });

  it('converts values to their stored form', () => {
    const { values, collections, problems } = validateRecordInput(
      client,
      {
        first_name: '  Zoë ',
        last_name: 'Ångström',
        allow_marketing_email: true,
        custom_fields: { shoe: 42 },
        phones: [{ number: '(212) 555-0142', sms_capable: true }],
        emails: [{ address: 'Zoe@Example.COM' }],
      },
      create,
    );
    expect(problems).toEqual([]);
    expect(values).toMatchObject({
      first_name: 'Zoë',
      allow_marketing_email: 1,
      custom_fields: '{"shoe":42}',
    });
    expect(collections).toEqual({
      phones: [{ number: '+12125550142', label: 'mobile', sms_capable: 1 }],
      emails: [{ address: 'Zoe@example.com', label: 'personal', is_primary: 0 }],
    });
  });

  it('stores instants in UTC and refuses a date-time without an offset', () => {
    const ok = validateRecordInput(session, { start: '2026-03-08T01:30:00-05:00' }, update);
    expect(ok.values.start).toBe('2026-03-08T06:30:00.000Z');
    expect(paths({ start: '2026-03-08T01:30:00' }, session, update)).toEqual(['start']);
    expect(paths({ start: '2026-03-08' }, session, update)).toEqual(['start']);
    expect(paths({ start: 1772951400000 }, session, update)).toEqual(['start']);
  });

  it('refuses instants whose UTC form would not sort as text (beyond the year 9999)', () => {
    expect(paths({ start: '9999-12-31T23:00:00-05:00' }, session, update)).toEqual(['start']);
    expect(paths({ start: '9999-12-31T23:00:00Z' }, session, update)).toEqual([]);
  });

  it('checks numbers: whole, within the field bounds, and within a 32-bit column for plain integers', () => {
    expect(validateRecordInput(session, { nps_score: 11 }, update).problems).toEqual([
      { path: 'nps_score', problem: 'must be at most 10' },
    ]);
    expect(validateRecordInput(session, { nps_score: 2.5 }, update).problems).toEqual([
      { path: 'nps_score', problem: 'must be a whole number' },
    ]);
    expect(validateRecordInput(type, { sort_order: 2 ** 31 }, update).problems).toEqual([
      { path: 'sort_order', problem: 'must be at most 2147483647' },
    ]);
    expect(validateRecordInput(type, { sort_order: -(2 ** 31) }, update).problems).toEqual([]);
    expect(paths({ client_id: 0 }, session, update)).toEqual(['client_id']);
    expect(paths({ client_id: '7' }, session, update)).toEqual(['client_id']);
  });

  it('coerces spelled-out numbers and booleans only for values read from text (CSV)', () => {
    const input = { sort_order: ' 42 ', is_inactive: 'Yes' };
    expect(paths(input, type, update)).toEqual(['sort_order', 'is_inactive']);
    const fromText = validateRecordInput(type, input, { ...update, fromText: true });
    expect(fromText.problems).toEqual([]);
    expect(fromText.values).toEqual({ sort_order: 42, is_inactive: 1 });
    for (const [word, stored] of [
      ['n', 0],
      ['FALSE', 0],
      ['1', 1],
      ['y', 1],
    ] as const) {
      expect(validateRecordInput(type, { is_inactive: word }, { ...update, fromText: true }).values).toEqual({
        is_inactive: stored,
      });
    }
    expect(paths({ is_inactive: 'maybe' }, type, { ...update, fromText: true })).toEqual(['is_inactive']);
  });

  it('limits JSON fields to 64 KiB and to objects or lists', () => {
    expect(paths({ custom_fields: { text: 'x'.repeat(60_000) } }, client, update)).toEqual([]);
    expect(
      validateRecordInput(client, { custom_fields: { text: 'x'.repeat(70_000) } }, update).problems,
    ).toEqual([{ path: 'custom_fields', problem: 'must be at most 65536 bytes' }]);
    expect(paths({ custom_fields: 'text' }, client, update)).toEqual(['custom_fields']);
    expect(paths({ custom_fields: 5 }, client, update)).toEqual(['custom_fields']);
  });

  it('refuses NUL characters in text, which PostgreSQL cannot store', () => {
    const { problems } = validateRecordInput(
      client,
      { first_name: 'A\u0000B', notes: 'x\u0000', phones: [{ number: '(212) 555-0142', label: '\u0000' }] },
      update,
    );
    expect(problems).toEqual([
      { path: 'first_name', problem: 'must not contain a NUL character' },
      { path: 'notes', problem: 'must not contain a NUL character' },
      { path: 'phones.0.label', problem: 'must not contain a NUL character' },
    ]);
  });

  it('measures the length of text after trimming spaces around it', () => {
    expect(paths({ country: ' US ' }, client, update)).toEqual([]);
    expect(paths({ country: 'USA' }, client, update)).toEqual(['country']);
  });

  it('refuses a body that is not an object, and collections that are not lists', () => {
    expect(validateRecordInput(client, [1], update).problems).toEqual([
      { path: '', problem: 'must be a JSON object' },
    ]);
    expect(paths({ phones: { number: '1' } }, client, update)).toEqual(['phones']);
  });
});
