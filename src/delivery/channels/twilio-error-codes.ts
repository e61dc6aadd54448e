/**
 * What a Twilio error code says about trying again. Twilio answers a refused send with a JSON body
 * carrying one of these codes, and later reports failed deliveries in status callbacks with the
 * 30xxx ones, so the send path and the status webhook read the same table.
 *
 * Only codes whose meaning is settled are listed; anything else is decided by the HTTP status.
 * https://www.twilio.com/docs/api/errors
 */
export type TwilioCodeKind = 'temporary' | 'permanent' | 'opted-out';

interface KnownCode {
  readonly kind: TwilioCodeKind;
  /** Our words, used when Twilio gives no message of its own (status callbacks carry only the code). */
  readonly meaning: string;
}

const KNOWN: ReadonlyMap<number, KnownCode> = new Map([
  // Twilio or the carrier is busy: the same message goes through later.
  [14107, { kind: 'temporary', meaning: 'SMS send rate limit exceeded' }],
  [20429, { kind: 'temporary', meaning: 'too many requests' }],
  [20500, { kind: 'temporary', meaning: 'Twilio internal error' }],
  [20503, { kind: 'temporary', meaning: 'Twilio service unavailable' }],
  [30001, { kind: 'temporary', meaning: 'queue overflow' }],
  [30008, { kind: 'temporary', meaning: 'unknown error at the carrier' }],
  [30017, { kind: 'temporary', meaning: 'carrier network congestion' }],
  [30022, { kind: 'temporary', meaning: 'US A2P 10DLC rate limit exceeded' }],
  [30023, { kind: 'temporary', meaning: 'US A2P 10DLC daily cap reached' }],
  [30027, { kind: 'temporary', meaning: 'US A2P 10DLC T-Mobile daily limit reached' }],
  // The recipient said STOP: never again, and the opt-out is recorded.
  [21610, { kind: 'opted-out', meaning: 'recipient has unsubscribed (STOP)' }],
  // The number or the message itself is wrong: sending it again changes nothing.
  [21211, { kind: 'permanent', meaning: "invalid 'To' phone number" }],
  [21214, { kind: 'permanent', meaning: "'To' phone number cannot be reached" }],
  [21217, { kind: 'permanent', meaning: 'phone number does not appear to be valid' }],
  [21408, { kind: 'permanent', meaning: 'sending to this region is not enabled' }],
  [21602, { kind: 'permanent', meaning: 'message body is required' }],
  [21603, { kind: 'permanent', meaning: "a 'From' or 'MessagingServiceSid' is required" }],
  [21604, { kind: 'permanent', meaning: "a 'To' phone number is required" }],
  [21606, { kind: 'permanent', meaning: "the 'From' number cannot send SMS from this account" }],
  [21612, { kind: 'permanent', meaning: "'To' number cannot be reached by SMS from this sender" }],
  [21614, { kind: 'permanent', meaning: "'To' number is not a mobile number" }],
  [21617, { kind: 'permanent', meaning: 'message body exceeds 1600 characters' }],
  [30004, { kind: 'permanent', meaning: 'message blocked' }],
  [30005, { kind: 'permanent', meaning: 'unknown destination handset' }],
  [30006, { kind: 'permanent', meaning: 'landline or unreachable carrier' }],
  [30007, { kind: 'permanent', meaning: 'message filtered by the carrier' }],
]);

export function twilioCodeKind(code: number): TwilioCodeKind | undefined {
  return KNOWN.get(code)?.kind;
}

export function twilioCodeMeaning(code: number): string | undefined {
  return KNOWN.get(code)?.meaning;
}
