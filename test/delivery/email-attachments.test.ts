import { beforeAll, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/delivery/dispatch-outbox.js';
import type { RetryPolicy } from '../../src/delivery/retry-policy.js';
import { getStudio } from '../../src/store/studios.js';
import { forEachDialect } from '../support/dialects.js';
import { icsValue, readIcs, unescapeText } from '../support/ics.js';
import { readPdf } from '../support/pdf-text.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';
import { scripted } from '../support/scripted-channel.js';

const email = (address: string) => ({ address, label: 'home', is_primary: true });
const POLICY: RetryPolicy = {
  maxAttempts: 3,
  maxAgeMs: 24 * 3_600_000,
  baseDelayMs: 60_000,
  maxDelayMs: 600_000,
};

/** The text of a one-page PDF, read back the way a reader sees it. */
async function onePageText(data: Buffer): Promise<string> {
  const pdf = await readPdf(data);
  expect(pdf.pages).toHaveLength(1);
  return pdf.text[0] as string;
}

function expectAll(text: string, parts: string[]): void {
  expect(parts.filter((part) => !text.includes(part))).toEqual([]);
}

forEachDialect('email attachments', (store) => {
  let s: ProcessingStudio;
  let sessionType: number;
  let booked: number;
  let sessionTemplate: number;
  let invoiceTemplate: number;
  const emailTemplate = async (basis: string, subject: string) =>
    (
      await s.api.create('/templates', {
        name: subject,
        channel: 'email',
        basis,
        subject,
        body_text: 'Hello',
      })
    ).id as number;
  beforeAll(async () => {
    s = await processingStudio(store(), { time_zone: 'America/Chicago', name: 'Lumen Portraits' });
    sessionType = (await s.api.create('/types', { kind: 'session', name: 'Family portrait' })).id;
    booked = (await s.api.create('/statuses', { kind: 'session', name: 'Booked' })).id;
    sessionTemplate = await emailTemplate('session', 'Your session, {{ client.first_name }}');
    invoiceTemplate = await emailTemplate('invoice', 'Invoice {{ invoice.invoice_number }}');
  });

  const download = (url: string, token = s.fixture.tokens.staff) =>
    s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  /** A session trigger that attaches both files, fired by a new session of Zoë Ångström. */
  const sessionTrigger = (settings: Record<string, unknown> = {}) => ({
    trigger_type: 'session_type',
    date_option: 'booked_date',
    action: 'email',
    action_settings: {
      email_template_id: sessionTemplate,
      attachments: ['session_confirmation_pdf', 'ics_invitation'],
      ...settings,
    },
  });
  const zoe = { first_name: 'Zoë', last_name: 'Ångström', emails: [email('zoe@example.com')] };
  const session = () => ({
    path: '/sessions',
    body: {
      session_type_id: sessionType,
      status_id: booked,
      session_number: 'S-1042',
      start: '2026-12-01T15:00:00Z',
      end: '2026-12-01T16:30:00Z',
      location: 'Lakeshore Park, Pier 3',
      photographer_id: s.fixture.userIds.staff,
    },
  });

  describe('a session trigger with the confirmation PDF and the .ics', () => {
    let fired: Awaited<ReturnType<ProcessingStudio['fire']>>;
    let message: any;
    beforeAll(async () => {
      fired = await s.fire(sessionTrigger(), zoe, session());
      [message] = fired.communications;
    });

    it('stores both files with the email and lists them with download URLs', () => {
      expect(fired.item.state).toBe('processed');
      expect(message.channel).toBe('email');
      expect(message.attachments).toEqual([
        {
          id: expect.any(Number),
          kind: 'session_confirmation_pdf',
          filename: 'session-confirmation-S-1042.pdf',
          content_type: 'application/pdf',
          byte_size: expect.any(Number),
          url: `/api/v1/communications/${message.id}/attachments/${message.attachments[0].id}`,
        },
        {
          id: expect.any(Number),
          kind: 'ics_invitation',
          filename: `session-${fired.recordId}.ics`,
          content_type: 'text/calendar; charset=utf-8; method=PUBLISH',
          byte_size: expect.any(Number),
          url: `/api/v1/communications/${message.id}/attachments/${message.attachments[1].id}`,
        },
      ]);
    });

    it('downloads the confirmation PDF: one page, the client as written, the time in the studio zone', async () => {
      const answer = await download(message.attachments[0].url);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('application/pdf');
      expect(answer.headers['content-disposition']).toBe(
        `attachment; filename="session-confirmation-S-1042.pdf"; filename*=UTF-8''session-confirmation-S-1042.pdf`,
      );
      expect(answer.rawPayload.length).toBe(message.attachments[0].byte_size);
      const text = await onePageText(answer.rawPayload);
      expectAll(text, [
        'Lumen Portraits',
        'Session confirmation',
        'Zoë Ångström',
        'Family portrait',
        'S-1042',
        // 15:00 UTC is 9:00 in Chicago on 1 December (CST, UTC−6).
        'Tuesday, December 1, 2026',
        '9:00 AM – 10:30 AM CST (America/Chicago)',
        'Lakeshore Park, Pier 3',
        'staff ',
        'Booked, not yet confirmed',
      ]);
    });

    it('downloads the .ics: UTC times, the studio as organizer, folded lines', async () => {
      const answer = await download(message.attachments[1].url);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('text/calendar; charset=utf-8; method=PUBLISH');
      const { properties, physicalLines } = readIcs(answer.body);
      expect(icsValue(properties, 'UID')).toBe(
        `session-${fired.recordId}.studio-${s.fixture.studio.id}@lumen.test`,
      );
      expect(icsValue(properties, 'DTSTART')).toBe('20261201T150000Z');
      expect(icsValue(properties, 'DTEND')).toBe('20261201T163000Z');
      expect(icsValue(properties, 'DTSTAMP')).toBe(
        s
          .now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z')
          .replace(/[-:]/g, ''),
      );
      expect(unescapeText(icsValue(properties, 'SUMMARY') as string)).toBe(
        'Family portrait — Lumen Portraits',
      );
      expect(unescapeText(icsValue(properties, 'LOCATION') as string)).toBe('Lakeshore Park, Pier 3');
      expect(properties.find((p) => p.name === 'ORGANIZER')).toMatchObject({
        params: { CN: '"Lumen Studio"' },
        value: 'mailto:hello@lumen.test',
      });
      for (const line of physicalLines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    });

    it('shows the files in the development inbox and the communication detail', async () => {
      const inbox = (await s.api.read('/communications?provider=capture&channel=email')).data;
      expect(inbox.find((c: any) => c.id === message.id).attachments).toEqual(message.attachments);
      const detail = await s.api.read(`/communications/${message.id}`);
      expect(detail).toMatchObject({ id: message.id, subject: 'Your session, Zoë' });
      expect(detail.attachments).toEqual(message.attachments);
    });

    it('hands the stored bytes to the channel, the same on every attempt', async () => {
      const pdf = (await download(message.attachments[0].url)).rawPayload;
      const ics = (await download(message.attachments[1].url)).rawPayload;
      const channel = scripted([
        { kind: 'temporary', code: 'smtp-451', reason: '451 try again later' },
        { kind: 'sent', providerId: null, delivered: true },
      ]);
      const studio = await getStudio(store().db, s.fixture.studio.id);
      const options = { channels: new Map([['capture', channel]]), policy: POLICY, random: () => 0 };
      expect(await dispatchOutbox(store().db, studio, s.now(), options)).toMatchObject({ retrying: 1 });
      const later = new Date(s.now().getTime() + 60_000);
      expect(await dispatchOutbox(store().db, studio, later, options)).toMatchObject({ delivered: 1 });
      const sent = channel.sent.filter((m) => m.communicationId === message.id);
      expect(sent).toHaveLength(2);
      for (const attempt of sent) {
        expect(attempt.attachments.map((a) => [a.filename, a.contentType])).toEqual([
          ['session-confirmation-S-1042.pdf', 'application/pdf'],
          [`session-${fired.recordId}.ics`, 'text/calendar; charset=utf-8; method=PUBLISH'],
        ]);
        expect(attempt.attachments[0]?.content.equals(pdf)).toBe(true);
        expect(attempt.attachments[1]?.content.equals(ics)).toBe(true);
      }
    });
  });

  it('keeps the UID when a rescheduled session is sent again, with the new time', async () => {
    // A reminder 10 days before the session, for a session that starts in 10 days: due at once.
    const inTenDays = (minutes: number) => new Date(s.now().getTime() + (14_400 + minutes) * 60_000);
    const start = inTenDays(1.5);
    const fired = await s.fire(
      {
        ...sessionTrigger({ attachments: ['ics_invitation'] }),
        date_option: 'session_start',
        offset: { when: 'before', amount: 10, unit: 'days' },
      },
      zoe,
      { path: '/sessions', body: { session_type_id: sessionType, start: start.toISOString() } },
    );
    const [first] = fired.communications;
    const moved = inTenDays(2);
    await s.api.patch(`/sessions/${fired.recordId}`, { start: moved.toISOString() });
    await s.tick(5);
    const pending = (await s.api.read(`/queue/items?trigger_id=${fired.triggerId}&state=pending`)).data;
    expect(pending).toHaveLength(1);
    await s.api.post('/queue/process', { item_ids: [pending[0].id] });
    const [again] = (await s.api.read(`/communications?triggered_item_id=${pending[0].id}`)).data;
    const before = readIcs((await download(first.attachments[0].url)).body).properties;
    const after = readIcs((await download(again.attachments[0].url)).body).properties;
    expect(icsValue(after, 'UID')).toBe(`session-${fired.recordId}.studio-${s.fixture.studio.id}@lumen.test`);
    expect(icsValue(after, 'UID')).toBe(icsValue(before, 'UID'));
    const utc = (d: Date) =>
      d
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '');
    expect(icsValue(before, 'DTSTART')).toBe(utc(start));
    expect(icsValue(after, 'DTSTART')).toBe(utc(moved));
    // Without an end, the entry fills an hour.
    expect(icsValue(after, 'DTEND')).toBe(utc(new Date(moved.getTime() + 3_600_000)));
    expect(Number(icsValue(after, 'SEQUENCE'))).toBeGreaterThan(Number(icsValue(before, 'SEQUENCE')));
  });

  it('previews the attachments by name and size without writing them', async () => {
    const queued = await s.queue(sessionTrigger({ attachments: ['ics_invitation'] }), zoe, session());
    const preview = await s.api.read(`/items/${queued.itemId}/preview`);
    expect(preview.outputs[0].attachments).toEqual([
      {
        kind: 'ics_invitation',
        filename: `session-${queued.recordId}.ics`,
        content_type: 'text/calendar; charset=utf-8; method=PUBLISH',
        byte_size: expect.any(Number),
      },
    ]);
    expect((await s.api.read(`/communications?triggered_item_id=${queued.itemId}`)).data).toEqual([]);
  });

  it('attaches an .ics for an appointment, named after the appointment, with its staff member', async () => {
    const consultation = (await s.api.create('/types', { kind: 'appointment', name: 'Consultation' })).id;
    const template = await emailTemplate('appointment', 'See you, {{ client.first_name }}');
    const fired = await s.fire(
      {
        trigger_type: 'appointment_type',
        date_option: 'booked_date',
        action: 'email',
        action_settings: { email_template_id: template, attachments: ['ics_invitation'] },
      },
      zoe,
      {
        path: '/appointments',
        body: {
          appointment_type_id: consultation,
          start: '2026-11-20T21:30:00Z',
          end: '2026-11-20T22:00:00Z',
          staff_user_id: s.fixture.userIds.admin,
        },
      },
    );
    const [file] = fired.communications[0].attachments;
    expect(file.filename).toBe(`appointment-${fired.recordId}.ics`);
    const { properties } = readIcs((await download(file.url)).body);
    expect(icsValue(properties, 'UID')).toBe(
      `appointment-${fired.recordId}.studio-${s.fixture.studio.id}@lumen.test`,
    );
    expect(icsValue(properties, 'DTSTART')).toBe('20261120T213000Z');
    expect(icsValue(properties, 'DTEND')).toBe('20261120T220000Z');
    expect(unescapeText(icsValue(properties, 'SUMMARY') as string)).toBe('Consultation — Lumen Portraits');
    expect(unescapeText(icsValue(properties, 'DESCRIPTION') as string)).toMatch(/^With: admin /);
    expect(properties.map((p) => p.name)).not.toContain('LOCATION');
  });

  it('attaches the invoice PDF with its number and the amounts paid and due', async () => {
    const sent = (await s.api.create('/statuses', { kind: 'invoice', name: 'Sent' })).id;
    const fired = await s.fire(
      {
        trigger_type: 'invoice_status',
        filter_status_id: sent,
        date_option: 'status_entered',
        action: 'email',
        action_settings: { email_template_id: invoiceTemplate, attachments: ['invoice_pdf'] },
      },
      zoe,
      {
        path: '/invoices',
        body: {
          invoice_number: 'INV-2026/0042',
          invoice_date: '2026-11-02',
          payment_due_date: '2026-11-16',
          total_cents: 125_000,
          balance_cents: 45_000,
          status_id: sent,
        },
      },
    );
    const [message] = fired.communications;
    expect(message.attachments.map((a: any) => [a.kind, a.filename])).toEqual([
      ['invoice_pdf', 'invoice-INV-2026-0042.pdf'],
    ]);
    const answer = await download(message.attachments[0].url);
    expect(answer.headers['content-type']).toBe('application/pdf');
    const text = await onePageText(answer.rawPayload);
    expectAll(text, [
      'Invoice INV-2026/0042',
      'November 2, 2026',
      'November 16, 2026',
      'Zoë Ångström',
      '$1,250.00',
      '$800.00',
    ]);
    expect(text).toMatch(/Amount due\s+\$450\.00/);
  });

  it('refuses an attachment the trigger type or action cannot carry, naming the field', async () => {
    const refused = await s.api.post('/triggers', {
      name: 'Wrong',
      ...sessionTrigger({ attachments: ['invoice_pdf'] }),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      {
        path: 'action_settings.attachments.0',
        problem: 'invoice_pdf fits invoice triggers only, not Session Type triggers',
      },
    ]);
    const sms = await s.api.post('/triggers', {
      name: 'SMS',
      ...sessionTrigger(),
      action: 'sms',
      action_settings: { sms_template_id: s.templates.sms, attachments: ['ics_invitation'] },
    });
    expect(sms.status).toBe(400);
    expect(sms.body.details).toContainEqual({
      path: 'action_settings.attachments',
      problem: 'does not apply to the SMS action',
    });
  });

  it("answers 404 for another studio's attachment, as for one that does not exist", async () => {
    const fired = await s.fire(sessionTrigger({ attachments: ['ics_invitation'] }), zoe, session());
    const url = fired.communications[0].attachments[0].url as string;
    const other = await processingStudio(store());
    const theirs = await download(url, other.fixture.tokens.owner);
    expect(theirs.statusCode).toBe(404);
    const missing = await download(url.replace(/\d+$/, '987654321'), other.fixture.tokens.owner);
    expect(theirs.json().message.replace(/\d+/g, 'N')).toBe(missing.json().message.replace(/\d+/g, 'N'));
    const detail = await download(url.replace(/\/attachments\/\d+$/, ''), other.fixture.tokens.owner);
    expect(detail.statusCode).toBe(404);
    expect((await download(url.replace(/\d+$/, 'x'))).statusCode).toBe(400);
  });
});
