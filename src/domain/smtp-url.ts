/**
 * An SMTP server as one URL, the way SMTP_URL and a studio's `smtp_url` are written:
 * `smtp://user:password@host:587` (STARTTLS when the server offers it) or
 * `smtps://user:password@host:465` (TLS from the first byte). `?starttls=required` refuses to send
 * over a connection the server would not upgrade. User and password are percent-encoded, as in any
 * URL (`@` is `%40`).
 */
export interface SmtpServer {
  readonly host: string;
  readonly port: number;
  /** TLS from the start (smtps://); otherwise STARTTLS when offered, or required. */
  readonly secure: boolean;
  readonly requireStartTls: boolean;
  readonly user: string | null;
  /** A secret: never logged, never put in a reason, never returned by the API. */
  readonly password: string | null;
}

/** What the API shows instead of a password. */
export const PASSWORD_MASK = '********';

export type SmtpUrlResult = { ok: true; server: SmtpServer } | { ok: false; problem: string };

/** Reads an SMTP URL; the problem never repeats the URL, which may hold a password. */
export function parseSmtpUrl(raw: string): SmtpUrlResult {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'must be a URL like smtp://user:password@mail.example.com:587' };
  }
  const scheme = url.protocol.toLowerCase();
  if (scheme !== 'smtp:' && scheme !== 'smtps:') {
    return { ok: false, problem: 'must start with smtp:// or smtps://' };
  }
  if (!url.hostname) return { ok: false, problem: 'must name the server, e.g. smtp://mail.example.com' };
  if (url.pathname !== '' && url.pathname !== '/') return { ok: false, problem: 'must not have a path' };
  const options = [...url.searchParams.keys()];
  const unknown = options.find((key) => key !== 'starttls');
  if (unknown !== undefined)
    return { ok: false, problem: `has an unknown option "${unknown}" (only starttls)` };
  const starttls = url.searchParams.get('starttls');
  if (starttls !== null && starttls !== 'required' && starttls !== 'optional') {
    return { ok: false, problem: 'starttls must be required or optional' };
  }
  if (scheme === 'smtps:' && starttls !== null) {
    return { ok: false, problem: 'starttls applies to smtp:// only: smtps:// is TLS from the start' };
  }
  if (url.password && !url.username) return { ok: false, problem: 'has a password but no user' };
  let user: string | null;
  let password: string | null;
  try {
    user = url.username ? decodeURIComponent(url.username) : null;
    password = url.password ? decodeURIComponent(url.password) : null;
  } catch {
    return { ok: false, problem: 'has a user or password that is not properly percent-encoded' };
  }
  const secure = scheme === 'smtps:';
  return {
    ok: true,
    server: {
      // IPv6 literals come back in brackets; the socket wants them bare.
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      requireStartTls: starttls === 'required',
      user,
      password,
    },
  };
}

/** The URL with its password replaced by the mask, for showing; null stays null. */
export function maskSmtpUrl(raw: string | null): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    if (url.password) url.password = PASSWORD_MASK;
    return url.toString().replace(/\/$/, '');
  } catch {
    return null;
  }
}

/**
 * A URL sent back with the mask for its password keeps the stored password, so a settings form
 * can send back what it was shown and change only the host or user. With another user the mask is
 * not a password worth keeping: the URL is returned as given, and `parseSmtpUrl`'s caller refuses a
 * mask for a password (`hasMaskedPassword`).
 */
export function keepMaskedPassword(given: string, stored: string | null): string {
  let url: URL;
  try {
    url = new URL(given.trim());
  } catch {
    return given;
  }
  if (decodeURIComponent(url.password) !== PASSWORD_MASK || stored === null) return given;
  try {
    const previous = new URL(stored);
    if (previous.username !== url.username || !previous.password) return given;
    url.password = previous.password;
    return url.toString().replace(/\/$/, '');
  } catch {
    return given;
  }
}

/** True when the URL's password is the mask itself: a form sent back what it was shown. */
export function hasMaskedPassword(raw: string): boolean {
  try {
    return decodeURIComponent(new URL(raw.trim()).password) === PASSWORD_MASK;
  } catch {
    return false;
  }
}
