/**
 * An iCalendar file (RFC 5545) with one event: a session or appointment, for the client's
 * calendar. The UID names the record, so a later email about the same session updates the entry
 * instead of adding a second one, and SEQUENCE grows with the time the file was made, so the newer
 * file wins. It is published (METHOD:PUBLISH), not a meeting request: the studio asks for no RSVP.
 */
export interface CalendarEvent {
  /** Unique per record and stable, e.g. `session-42.studio-7@lumen.test`. */
  readonly uid: string;
  readonly start: Date;
  readonly end: Date;
  readonly summary: string;
  readonly location: string | null;
  readonly description: string | null;
  readonly organizer: { readonly name: string; readonly email: string } | null;
  readonly canceled: boolean;
}

/** The first SEQUENCE instant; minutes since then stay within a 32-bit integer for millennia. */
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);
const FOLD_AT = 75;

export function icsInvitation(event: CalendarEvent, stampedAt: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Triggerfish//Studio automation//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcDateTime(stampedAt)}`,
    `SEQUENCE:${Math.max(0, Math.floor((stampedAt.getTime() - SEQUENCE_EPOCH) / 60_000))}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.organizer
      ? [`ORGANIZER;CN=${quoteParam(event.organizer.name)}:mailto:${event.organizer.email}`]
      : []),
    `STATUS:${event.canceled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** `20261201T150000Z`: a UTC date-time (RFC 5545 §3.3.5, form #2). */
function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT values (§3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- control characters are not allowed in TEXT
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/** A parameter value (§3.2): quoted, since names hold commas and colons; DQUOTE cannot appear. */
function quoteParam(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in parameters
  return `"${value.replace(/["\u0000-\u001f\u007f]/g, '')}"`;
}

/**
 * Lines longer than 75 octets are folded (§3.1): CRLF and a space, the space counting toward the
 * next line's 75. Folds fall between characters, never inside a UTF-8 sequence, so every line
 * stays valid UTF-8 for readers that decode line by line.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > FOLD_AT) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
