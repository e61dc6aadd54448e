import { senderDomainOf } from '../domain/email-address.js';
import type { AttachmentKind } from '../domain/triggers/attachment-kinds.js';
import { letterheadOf } from '../delivery/print/pdf-document.js';
import type { AttachmentFile } from '../store/communication-attachments.js';
import type { StudioRow } from '../store/studios.js';
import type { MergeData } from '../templates/render-template.js';
import { bookingOf, type BookingDetails } from './booking-details.js';
import { icsInvitation } from './ics-invitation.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { renderSessionConfirmation } from './session-confirmation-pdf.js';

export interface AttachmentSource {
  readonly studio: StudioRow;
  /** The trigger's record kind; validation lets each attachment only onto the kinds it fits. */
  readonly basis: string;
  readonly data: MergeData;
  /** When the files are made: their issue date, the calendar entry's DTSTAMP. */
  readonly now: Date;
}

/** Without an end, a booking fills an hour in the client's calendar. */
const DEFAULT_EVENT_MS = 60 * 60_000;

/** Makes the chosen attachments, in the order the trigger lists them. */
export async function renderAttachments(
  kinds: readonly AttachmentKind[],
  source: AttachmentSource,
): Promise<AttachmentFile[]> {
  const files: AttachmentFile[] = [];
  for (const kind of kinds) files.push(await renderAttachment(kind, source));
  return files;
}

async function renderAttachment(kind: AttachmentKind, source: AttachmentSource): Promise<AttachmentFile> {
  const studio = letterheadOf(source.studio);
  switch (kind) {
    case 'session_confirmation_pdf': {
      const session = bookingOf(source.data, 'session');
      return {
        kind,
        filename: `session-confirmation-${fileSafe(session.number) ?? session.id}.pdf`,
        contentType: 'application/pdf',
        content: await renderSessionConfirmation(studio, session, source.now),
      };
    }
    case 'invoice_pdf': {
      const invoice = (source.data.invoice ?? {}) as Record<string, unknown>;
      const number = fileSafe(typeof invoice.invoice_number === 'string' ? invoice.invoice_number : null);
      return {
        kind,
        filename: `invoice-${number ?? Number(invoice.id)}.pdf`,
        contentType: 'application/pdf',
        content: await renderInvoicePdf(studio, source.data, source.now),
      };
    }
    case 'ics_invitation': {
      const booking = bookingOf(source.data, source.basis === 'appointment' ? 'appointment' : 'session');
      return {
        kind,
        filename: `${booking.kind}-${booking.id}.ics`,
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: Buffer.from(icsInvitation(calendarEventOf(booking, source.studio), source.now), 'utf8'),
      };
    }
  }
}

function calendarEventOf(booking: BookingDetails, studio: StudioRow) {
  const what = booking.typeName ?? (booking.kind === 'session' ? 'Session' : 'Appointment');
  const details = [
    booking.staffName
      ? `${booking.kind === 'session' ? 'Photographer' : 'With'}: ${booking.staffName}`
      : null,
    booking.number ? `Session number: ${booking.number}` : null,
    studio.sender_email ? `Questions? ${studio.sender_email}` : null,
  ].filter((line): line is string => line !== null);
  return {
    // The record names the entry: every later file about it updates the same calendar entry.
    uid: `${booking.kind}-${booking.id}.studio-${studio.id}@${senderDomainOf(studio.sender_email)}`,
    start: booking.start,
    end: booking.end ?? new Date(booking.start.getTime() + DEFAULT_EVENT_MS),
    summary: `${what} — ${studio.name}`,
    location: booking.location,
    description: details.length > 0 ? details.join('\n') : null,
    organizer: studio.sender_email
      ? { name: studio.sender_name ?? studio.name, email: studio.sender_email }
      : null,
    canceled: booking.canceled,
  };
}

/** A number as part of a file name: letters, digits, dot, dash and underscore; null when none. */
function fileSafe(value: string | null): string | null {
  const safe = (value ?? '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return safe === '' ? null : safe.slice(0, 60);
}
