import { normalizeEmail } from './email-address.js';
import { normalizePhone } from './phone-number.js';
import type { Recipient } from './recipient.js';
import type { ConsentChannel } from './record-kinds/index.js';

/** The channels a recipient is reached on, and the consent flag each one needs for marketing. */
export type ReachChannel = 'email' | 'sms' | 'phone_call' | 'letter';
const CONSENT: Record<ReachChannel, ConsentChannel> = {
  email: 'email',
  sms: 'sms',
  phone_call: 'phone',
  letter: 'mail',
};

export interface UsableRules {
  /** The trigger's "Only clients marked Allow Marketing" exclusion. */
  readonly marketingOnly: boolean;
  /** Blocked email addresses (lower-cased), lifted blocks excluded. */
  readonly blockedEmails: ReadonlySet<string>;
  /** A transactional message of a studio that bypasses blocks for transactional mail. */
  readonly bypassBlocks: boolean;
  /** Numbers (E.164) that answered STOP. */
  readonly optedOut: ReadonlySet<string>;
  /** Country that numbers without "+" are read in. */
  readonly country: string;
}

export type Usable =
  | { readonly ok: true; readonly address: string | null }
  | { readonly ok: false; readonly reason: string };

/**
 * Whether a recipient can be reached on a channel (SPEC §3.4 "usable"), and at which address:
 * - email: a valid address, not on the block list (unless the studio bypasses blocks for this
 *   transactional trigger), consent satisfied;
 * - SMS: a number flagged SMS capable, valid in E.164 after the studio's country code, not opted
 *   out (STOP, whatever the consent flags say), consent satisfied;
 * - phone call: consent satisfied; the call goes on the list even without a number on file, since
 *   staff can look one up (the call shows none);
 * - letter: a complete mailing address, consent satisfied.
 * The first usable address in the recipient's order is used; the reason names what failed last,
 * so a person reading the item sees why the channel was passed over.
 */
export function usableAddress(recipient: Recipient, channel: ReachChannel, rules: UsableRules): Usable {
  const consent = CONSENT[channel];
  if (rules.marketingOnly && recipient.marketing && !recipient.marketing[consent]) {
    return {
      ok: false,
      reason: `${recipient.name || 'the recipient'} does not allow marketing by ${consent}`,
    };
  }
  switch (channel) {
    case 'email':
      return usableEmail(recipient, rules);
    case 'sms':
      return usableSms(recipient, rules);
    case 'phone_call':
      return { ok: true, address: recipient.phones[0]?.number ?? null };
    case 'letter':
      return recipient.postalAddress
        ? { ok: true, address: recipient.postalAddress.join('\n') }
        : { ok: false, reason: 'no complete mailing address' };
  }
}

function usableEmail(recipient: Recipient, rules: UsableRules): Usable {
  if (recipient.emails.length === 0) return { ok: false, reason: 'no email address' };
  let reason = '';
  for (const raw of recipient.emails) {
    const address = normalizeEmail(raw);
    if (address === null) reason = `the email address ${raw} is not valid`;
    else if (rules.blockedEmails.has(address.toLowerCase()) && !rules.bypassBlocks)
      reason = `the email address ${address} is on the block list`;
    else return { ok: true, address };
  }
  return { ok: false, reason };
}

function usableSms(recipient: Recipient, rules: UsableRules): Usable {
  const capable = recipient.phones.filter((p) => p.smsCapable);
  if (capable.length === 0) return { ok: false, reason: 'no SMS-capable number' };
  let reason = '';
  for (const phone of capable) {
    const parsed = normalizePhone(phone.number, rules.country);
    if (!parsed.ok) reason = `the number ${phone.number} ${parsed.problem}`;
    else if (rules.optedOut.has(parsed.e164)) reason = `the number ${parsed.e164} opted out (STOP)`;
    else return { ok: true, address: parsed.e164 };
  }
  return { ok: false, reason };
}
