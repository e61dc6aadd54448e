import type { ConsentChannel } from './record-kinds/index.js';

/**
 * Whom a message goes to (SPEC §3.4 "Send To"), with every address it could be reached at, in the
 * order they are tried. Family members and staff are reached at their own address; consent and the
 * postal address of a family member are those of their client (the account holder).
 */
export interface Recipient {
  readonly kind: 'client' | 'family_member' | 'staff' | 'studio';
  readonly name: string;
  readonly clientId: number | null;
  readonly familyMemberId: number | null;
  readonly userId: number | null;
  readonly emails: readonly string[];
  /** Numbers with their "SMS capable" flag; a staff mobile counts as capable. */
  readonly phones: readonly { readonly number: string; readonly smsCapable: boolean }[];
  /** Mailing address lines, or null when incomplete. */
  readonly postalAddress: readonly string[] | null;
  /**
   * "Allow Marketing" per channel for clients and their family members; null for staff and the
   * studio, whom marketing consent does not concern.
   */
  readonly marketing: Readonly<Record<ConsentChannel, boolean>> | null;
}

type Row = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** A client as its merge data shows it (with `emails` and `phones` lists). */
export function clientRecipient(client: Row): Recipient {
  const emails = Array.isArray(client.emails) ? (client.emails as Row[]) : [];
  const phones = Array.isArray(client.phones) ? (client.phones as Row[]) : [];
  // The primary address first, then the others in their order.
  const ordered = [...emails].sort((a, b) => Number(b.is_primary === true) - Number(a.is_primary === true));
  return {
    kind: 'client',
    name: [text(client.first_name), text(client.last_name)].filter(Boolean).join(' '),
    clientId: Number(client.id),
    familyMemberId: null,
    userId: null,
    emails: ordered.map((e) => text(e.address)).filter((a): a is string => a !== null),
    phones: phones
      .map((p) => ({ number: text(p.number) ?? '', smsCapable: p.sms_capable === true }))
      .filter((p) => p.number !== ''),
    postalAddress: postalAddressOf(client),
    marketing: {
      email: client.allow_marketing_email === true,
      sms: client.allow_marketing_sms === true,
      mail: client.allow_marketing_mail === true,
      phone: client.allow_marketing_phone === true,
    },
  };
}

/**
 * A family member reached at their own email and phone (a family-member number has no SMS flag, so
 * it counts as capable: it is on file for reaching that person). Without an address of their own,
 * the message is not sent to the client instead: the trigger asked for the family member.
 */
export function familyMemberRecipient(member: Row, client: Recipient): Recipient {
  const phone = text(member.phone);
  const email = text(member.email);
  return {
    ...client,
    kind: 'family_member',
    name: [text(member.first_name), text(member.last_name)].filter(Boolean).join(' '),
    familyMemberId: Number(member.id),
    emails: email ? [email] : [],
    phones: phone ? [{ number: phone, smsCapable: true }] : [],
  };
}

export function staffRecipient(user: Row): Recipient {
  const mobile = text(user.mobile);
  const email = text(user.email);
  return {
    kind: 'staff',
    name: text(user.name) ?? '',
    clientId: null,
    familyMemberId: null,
    userId: Number(user.id),
    emails: email ? [email] : [],
    phones: mobile ? [{ number: mobile, smsCapable: true }] : [],
    postalAddress: null,
    marketing: null,
  };
}

/** The studio itself: its sender address. It has no number of its own to receive an SMS. */
export function studioRecipient(studio: Row): Recipient {
  const email = text(studio.sender_email);
  return {
    kind: 'studio',
    name: text(studio.sender_name) ?? text(studio.name) ?? '',
    clientId: null,
    familyMemberId: null,
    userId: null,
    emails: email ? [email] : [],
    phones: [],
    postalAddress: null,
    marketing: null,
  };
}

/** Address lines for a window envelope, or null when there is no street line and no town or code. */
export function postalAddressOf(client: Row): string[] | null {
  const line1 = text(client.address_line1);
  const town = [text(client.city), text(client.region), text(client.postal_code)].filter(Boolean).join(' ');
  if (!line1 || town === '') return null;
  const name = [text(client.first_name), text(client.last_name)].filter(Boolean).join(' ');
  return [name, line1, text(client.address_line2), town, text(client.country)].filter(
    (line): line is string => line !== null && line !== '',
  );
}
