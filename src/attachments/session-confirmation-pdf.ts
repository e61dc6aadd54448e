import { DateTime } from 'luxon';
import { letterLayoutFor } from '../delivery/print/envelope-window.js';
import type { Letterhead } from '../delivery/print/pdf-document.js';
import { bookingStatus, type BookingDetails } from './booking-details.js';
import { optional, renderDetailPage, type DetailRow } from './detail-page.js';

/**
 * The confirmation of a session as a PDF: the studio's letterhead, the client, the session type,
 * its date and time in the studio's time zone (named, since the client may read it elsewhere),
 * location and photographer when known, and its status.
 */
export function renderSessionConfirmation(
  studio: Letterhead,
  session: BookingDetails,
  issuedAt: Date,
): Promise<Buffer> {
  const locale = letterLayoutFor(studio.country).dateLocale;
  const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: studio.timeZone }).setLocale(locale);
  const start = local(session.start);
  const until = session.end ? ` – ${local(session.end).toLocaleString(DateTime.TIME_SIMPLE)}` : '';
  const rows: DetailRow[] = [
    { label: 'Client', value: session.clientName ?? '—' },
    { label: 'Session', value: session.typeName ?? 'Session', strong: true },
    ...optional('Session number', session.number),
    {
      label: 'Date',
      value: start.toLocaleString({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
      strong: true,
    },
    {
      label: 'Time',
      value: `${start.toLocaleString(DateTime.TIME_SIMPLE)}${until} ${start.toFormat('ZZZZ')} (${studio.timeZone})`,
      strong: true,
    },
    ...optional('Location', session.location),
    ...optional('Photographer', session.staffName),
    { label: 'Status', value: bookingStatus(session) },
  ];
  return renderDetailPage(studio, { title: 'Session confirmation', rows }, issuedAt);
}
