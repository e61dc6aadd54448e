/**
 * A deliberately plain address check: one "@", a local part, a dotted domain, no spaces or control
 * characters, within the SMTP length limit. Stricter RFC 5322 parsing rejects addresses that real
 * mail servers accept. Control characters matter beyond mail: PostgreSQL cannot store a NUL.
 */
const EMAIL =
  // eslint-disable-next-line no-control-regex -- control characters are what it rejects
  /^[^\s\u0000-\u001f\u007f@"<>()[\],;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function normalizeEmail(raw: string): string | null {
  const text = raw.trim();
  if (text.length > 254 || !EMAIL.test(text)) return null;
  const at = text.lastIndexOf('@');
  return text.slice(0, at) + '@' + text.slice(at + 1).toLowerCase();
}

/**
 * The domain of a studio's sender address, for identifiers that must be unique across the world
 * (Message-IDs, calendar UIDs); `triggerfish.invalid` when the studio has no sender address.
 */
export function senderDomainOf(address: string | null): string {
  return address?.includes('@') ? address.slice(address.lastIndexOf('@') + 1) : 'triggerfish.invalid';
}
