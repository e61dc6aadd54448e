import { describe, expect, it } from 'vitest';
import {
  escapeText,
  foldLine,
  icsInvitation,
  type CalendarEvent,
} from '../../src/attachments/ics-invitation.js';
import { icsValue, readIcs, unescapeText } from '../support/ics.js';

const event: CalendarEvent = {
  uid: 'session-42.studio-7@lumen.test',
  start: new Date('2026-12-01T15:00:00Z'),
  end: new Date('2026-12-01T16:30:00Z'),
  summary: 'Family portrait, outdoors; "golden hour" — Lumen Studio',
  location: 'Lakeshore Park, Pier 3\\North entrance',
  description: 'Photographer: Zoë Ångström\nBring a change of clothes, please. '.repeat(3),
  organizer: { name: 'Lumen Studio, "Chicago"', email: 'hello@lumen.test' },
  canceled: false,
};

describe('icsInvitation', () => {
  it('writes one VEVENT in a VCALENDAR with CRLF line endings', () => {
    const text = icsInvitation(event, new Date('2026-11-02T15:00:00.123Z'));
    expect(text.endsWith('\r\n')).toBe(true);
    const { properties } = readIcs(text);
    const frame = properties.filter((p) => p.name === 'BEGIN' || p.name === 'END');
    expect(frame.map((p) => `${p.name}:${p.value}`)).toEqual([
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    expect(icsValue(properties, 'VERSION')).toBe('2.0');
    expect(icsValue(properties, 'METHOD')).toBe('PUBLISH');
    expect(icsValue(properties, 'UID')).toBe('session-42.studio-7@lumen.test');
    expect(icsValue(properties, 'STATUS')).toBe('CONFIRMED');
  });

  it('writes DTSTART and DTEND in UTC and DTSTAMP from the instant it is given', () => {
    const { properties } = readIcs(icsInvitation(event, new Date('2026-11-02T15:00:00.123Z')));
    expect(icsValue(properties, 'DTSTART')).toBe('20261201T150000Z');
    expect(icsValue(properties, 'DTEND')).toBe('20261201T163000Z');
    expect(icsValue(properties, 'DTSTAMP')).toBe('20261102T150000Z');
  });

  it('escapes text values and reads back as written', () => {
    const { properties } = readIcs(icsInvitation(event, new Date('2026-11-02T15:00:00Z')));
    expect(icsValue(properties, 'SUMMARY')).toBe(
      'Family portrait\\, outdoors\\; "golden hour" — Lumen Studio',
    );
    expect(unescapeText(icsValue(properties, 'LOCATION') as string)).toBe(event.location);
    expect(unescapeText(icsValue(properties, 'DESCRIPTION') as string)).toBe(event.description);
    expect(escapeText('a\r\nb\u0007c')).toBe('a\\nbc');
    const organizer = properties.find((p) => p.name === 'ORGANIZER');
    expect(organizer).toEqual({
      name: 'ORGANIZER',
      params: { CN: '"Lumen Studio, Chicago"' },
      value: 'mailto:hello@lumen.test',
    });
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const text = icsInvitation(event, new Date('2026-11-02T15:00:00Z'));
    const { physicalLines } = readIcs(text);
    expect(physicalLines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of physicalLines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // Every physical line is whole UTF-8 on its own: no character was cut in two.
    for (const line of Buffer.from(text, 'utf8').toString('utf8').split('\r\n')) {
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toContain('\uFFFD');
    }
    // 12 octets of name, then two-octet characters: 74 octets fit, the 76th would split one.
    const folded = foldLine(`DESCRIPTION:${'ö'.repeat(80)}`);
    expect(folded.split('\r\n').map((p) => Buffer.byteLength(p, 'utf8'))).toEqual([74, 75, 25]);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'ö'.repeat(80)}`);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('keeps the UID for a later file about the same record, with a higher SEQUENCE', () => {
    const first = readIcs(icsInvitation(event, new Date('2026-11-02T15:00:00Z'))).properties;
    const later = readIcs(
      icsInvitation({ ...event, start: new Date('2026-12-02T15:00:00Z') }, new Date('2026-11-05T09:30:00Z')),
    ).properties;
    expect(icsValue(later, 'UID')).toBe(icsValue(first, 'UID'));
    expect(Number(icsValue(later, 'SEQUENCE'))).toBeGreaterThan(Number(icsValue(first, 'SEQUENCE')));
    expect(Number(icsValue(later, 'SEQUENCE'))).toBeLessThan(2 ** 31);
  });

  it('marks a canceled booking CANCELLED and leaves out what is unknown', () => {
    const { properties } = readIcs(
      icsInvitation(
        { ...event, canceled: true, location: null, description: null, organizer: null },
        new Date('2026-11-02T15:00:00Z'),
      ),
    );
    expect(icsValue(properties, 'STATUS')).toBe('CANCELLED');
    expect(properties.map((p) => p.name)).not.toContain('LOCATION');
    expect(properties.map((p) => p.name)).not.toContain('ORGANIZER');
  });
});
