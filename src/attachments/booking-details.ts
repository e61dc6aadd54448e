import type { MergeData } from '../templates/render-template.js';

type Row = Record<string, unknown>;

/** A session or appointment as its confirmation and calendar entry show it. */
export interface BookingDetails {
  readonly kind: 'session' | 'appointment';
  readonly id: number;
  /** The session number, when the studio gives one. */
  readonly number: string | null;
  readonly typeName: string | null;
  readonly clientName: string | null;
  readonly start: Date;
  readonly end: Date | null;
  readonly location: string | null;
  /** The photographer of a session, the staff member of an appointment. */
  readonly staffName: string | null;
  readonly statusName: string | null;
  readonly confirmed: boolean;
  readonly onHold: boolean;
  readonly canceled: boolean;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
const objectOf = (value: unknown): Row | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : null;

/** "Zoë Ångström", or the company name of a business client. */
export function clientNameOf(client: unknown): string | null {
  const row = objectOf(client);
  if (!row) return null;
  const name = [text(row.first_name), text(row.last_name)].filter((p) => p !== null).join(' ');
  return name !== '' ? name : text(row.company_name);
}

/** The booking of a session or appointment trigger, from the merge data processing already read. */
export function bookingOf(data: MergeData, basis: 'session' | 'appointment'): BookingDetails {
  const record = objectOf(data[basis]) ?? {};
  const staff = objectOf(basis === 'session' ? data.photographer : data.staff_user);
  const end = text(record.end);
  return {
    kind: basis,
    id: Number(record.id),
    number: basis === 'session' ? text(record.session_number) : null,
    typeName: text(basis === 'session' ? record.session_type_name : record.appointment_type_name),
    clientName: clientNameOf(data.client),
    start: new Date(String(record.start)),
    end: end === null ? null : new Date(end),
    location: text(record.location),
    staffName: text(staff?.name),
    statusName: text(record.status_name),
    confirmed: record.confirmed === true,
    onHold: record.on_hold === true,
    canceled: record.canceled === true,
  };
}

/** "Booked, confirmed": the status name with the booking's flags, as a person reads them. */
export function bookingStatus(booking: BookingDetails): string {
  const parts = [
    booking.statusName,
    booking.confirmed ? 'confirmed' : 'not yet confirmed',
    booking.onHold ? 'on hold' : null,
    booking.canceled ? 'canceled' : null,
  ].filter((p): p is string => p !== null);
  const line = parts.join(', ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
