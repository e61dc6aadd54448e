import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a random port of 127.0.0.1 for tests (smtp-server): it requires AUTH (any
 * user and password other than its own are refused with 535), parses every message it accepts
 * with mailparser and keeps it, and answers `250 Message queued as <id>` like Postfix. It can be
 * told to refuse a recipient with a reply code (451 a few times, 550 for good) or to stall (accept
 * the connection, then never answer MAIL FROM) so that a client's timeout fires.
 */
export interface ReceivedMail {
  readonly queueId: string;
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly user: string | undefined;
  readonly parsed: ParsedMail;
}

export interface SmtpTestServer {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** `smtp://user:password@127.0.0.1:port`, or with another user and password. */
  url(credentials?: { user: string; password: string }): string;
  readonly received: ReceivedMail[];
  /** RCPT TO for this address is answered with the code (and text), `times` times or for good. */
  refuse(recipient: string, code: number, text?: string, times?: number): void;
  /** Every MAIL FROM goes unanswered until `stall(false)`. */
  stall(on: boolean): void;
  /** Resolves once `count` messages have arrived in all. */
  waitFor(count: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpTestServer(
  user = 'studio-mailer',
  password = randomBytes(9).toString('base64url'),
): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const refusals = new Map<string, { code: number; text: string; times: number }>();
  const waiting: { count: number; resolve: () => void }[] = [];
  const stalled: (() => void)[] = [];
  let stalling = false;
  const replyError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

  const server = new SMTPServer({
    // Plain connections with AUTH, as on a trusted local network: TLS is nodemailer's, not ours, to test.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    closeTimeout: 100,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) return callback(null, { user });
      callback(replyError(535, '5.7.8 Authentication credentials invalid'));
    },
    onMailFrom(_address, _session, callback) {
      if (stalling) return void stalled.push(() => callback(replyError(421, '4.3.2 Shutting down')));
      callback();
    },
    onRcptTo(address, _session, callback) {
      const refusal = refusals.get(address.address.toLowerCase());
      if (refusal) {
        refusal.times -= 1;
        if (refusal.times <= 0) refusals.delete(address.address.toLowerCase());
        return callback(replyError(refusal.code, refusal.text));
      }
      callback();
    },
    onData(stream, session, callback) {
      const queueId = randomBytes(5).toString('hex').toUpperCase();
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            queueId,
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            parsed,
          });
          for (const waiter of waiting.filter((w) => received.length >= w.count)) waiter.resolve();
          callback(null, `Message queued as ${queueId}`);
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {});
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    user,
    password,
    url: (credentials = { user, password }) =>
      `smtp://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`,
    received,
    refuse(
      recipient,
      code,
      text = code < 500 ? '4.2.0 Try again later' : '5.1.1 No such user here',
      times = Infinity,
    ) {
      refusals.set(recipient.toLowerCase(), { code, text: `${text}`, times });
    },
    stall(on) {
      stalling = on;
      if (!on) for (const release of stalled.splice(0)) release();
    },
    waitFor(count) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve) => waiting.push({ count, resolve: () => resolve(received) }));
    },
    async close() {
      stalling = false;
      for (const release of stalled.splice(0)) release();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A header exactly as it was written (mailparser reads some, like List-*, into parts), unfolded. */
export function headerOf(mail: ReceivedMail | undefined, name: string): string | undefined {
  const line = mail?.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}
