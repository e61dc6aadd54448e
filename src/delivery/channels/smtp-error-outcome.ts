import type { SendOutcome } from '../channel.js';
import { networkErrorOutcome } from './network-error-outcome.js';

/** The fields of a nodemailer error that decide what it means. */
interface SmtpError {
  readonly message?: string;
  /** Nodemailer's kind: EAUTH, EENVELOPE, ETIMEDOUT, ESOCKET, ECONNECTION, … */
  readonly code?: string;
  /** The socket's own code (ECONNREFUSED, ECONNRESET) when nodemailer put its kind over it. */
  readonly originalCode?: string;
  /** The server's reply, e.g. `550 5.1.1 <x@example.com>: Recipient address rejected`. */
  readonly response?: string;
  readonly responseCode?: number;
  /** The command the server answered: `RCPT TO`, `DATA`, `AUTH PLAIN`, … */
  readonly command?: string;
}

/** Settings are wrong, not the message: every email would fail the same way until they are fixed. */
const SETTINGS_HINT = "check the user and password of SMTP_URL or the studio's smtp_url";

const SERVER_HINT =
  "check the server of SMTP_URL or the studio's smtp_url: smtps:// or smtp://, its port, and ?starttls";

/** The commands about one email; a 5xx reply to one of these is about the email itself. */
const MESSAGE_COMMANDS = new Set(['MAIL FROM', 'RCPT TO', 'DATA']);

/**
 * Decides a failed send from the SMTP server's reply (docs/delivery.md, "Email over SMTP"):
 *
 * - a reply code decides first: 4xx is temporary (the server asks us to come back: greylisting, a
 *   full mailbox, a busy server), 5xx permanent with the code and the server's text when it
 *   answers the email's own commands (MAIL FROM, RCPT TO, DATA), temporary when it refuses the
 *   connection itself (greeting, EHLO, STARTTLS): that is the server or our settings;
 * - except authentication: a refused login (535, 534, 530) or missing credentials is temporary,
 *   like Twilio's 401. A mistyped password must not fail every queued email for good; they wait
 *   until it is fixed, no longer than the dispatcher's age limit, and the reason says what to check;
 * - no reply at all (refused, reset, name not found, TLS broken, timeouts) is temporary, through
 *   the shared network classification;
 * - a message nodemailer refuses before sending (an address it cannot put in an envelope, a
 *   message over the server's size limit) is permanent: sending it again changes nothing.
 */
export function smtpErrorOutcome(error: unknown, timeoutMs: number): SendOutcome {
  const e = (error ?? {}) as SmtpError;
  const reply = e.response?.replace(/\s+/g, ' ').trim();
  const at = e.command && e.command !== 'CONN' && e.command !== 'API' ? ` at ${e.command}` : '';
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') {
    const what = e.responseCode ? `SMTP ${e.responseCode}${at}: ${reply}` : (e.message ?? 'login failed');
    return {
      kind: 'temporary',
      code: 'smtp-auth',
      reason: `the SMTP server refused the login (${what}) — ${SETTINGS_HINT}`,
    };
  }
  if (typeof e.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 600) {
    const code = `smtp-${e.responseCode}`;
    const reason = `SMTP ${e.responseCode}${at}: ${reply ?? e.message ?? 'no text'}`;
    if (e.responseCode < 500) return { kind: 'temporary', code, reason };
    // 530: the server wants a login we did not offer, a settings problem like a wrong password.
    if (e.responseCode === 530) return { kind: 'temporary', code, reason: `${reason} — ${SETTINGS_HINT}` };
    // A refusal before MAIL FROM (greeting, EHLO, STARTTLS) is about the server or our settings,
    // not this email: every email would meet it, so they wait for it to be fixed.
    if (!MESSAGE_COMMANDS.has(e.command ?? '')) {
      return { kind: 'temporary', code, reason: `${reason} — ${SERVER_HINT}` };
    }
    return { kind: 'permanent', code, reason };
  }
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') {
    return {
      kind: 'permanent',
      code: e.code.toLowerCase().replace(/^e/, 'smtp-'),
      reason: e.message ?? e.code,
    };
  }
  if (e.code === 'ETIMEDOUT') {
    const timeout = Object.assign(new Error(e.message ?? 'timeout'), { name: 'TimeoutError' });
    return networkErrorOutcome('the SMTP server', timeout, timeoutMs);
  }
  // The socket's code (ECONNREFUSED) says more than nodemailer's kind (ESOCKET).
  const cause = Object.assign(new Error(e.message ?? String(error)), { code: e.originalCode ?? e.code });
  return networkErrorOutcome('the SMTP server', cause, timeoutMs);
}
