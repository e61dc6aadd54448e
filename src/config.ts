import { normalizeEmail } from './domain/email-address.js';
import { parseSmtpUrl } from './domain/smtp-url.js';
import { parseSendgridPublicKey } from './domain/webhook-signatures.js';

/**
 * Configuration is read once, from defaults and then the environment, validated, frozen and passed
 * down. Nothing else reads process.env. docs/configuration.md lists every setting.
 */
export interface Config {
  readonly databaseUrl: string;
  readonly host: string;
  readonly port: number;
  readonly demo: boolean;
  /** Run the Control Center inside the server (off when it runs as its own process). */
  readonly controlCenter: boolean;
  readonly controlCenterIntervalSeconds: number;
  readonly logLevel: string;
  /** The address staff and webhooks reach the server at; decides whether cookies are Secure. */
  readonly publicUrl: string | null;
  /** How many reverse proxies stand in front of the server; their X-Forwarded-* headers are trusted. */
  readonly trustProxyHops: number;
  readonly sessionHours: number;
  readonly loginMaxFailures: number;
  readonly loginWindowMinutes: number;
  /** Contact-us submissions one client address may make per hour (web forms' spam limit). */
  readonly contactFormPerHour: number;
  /** Where the Twilio REST API lives; another address for a Twilio-compatible provider or a test server. */
  readonly twilioBaseUrl: string;
  readonly twilioAccountSid: string | null;
  /** A secret: never logged, never put in a reason or a URL. */
  readonly twilioAuthToken: string | null;
  readonly twilioMessagingServiceSid: string | null;
  /** The sender when a studio has no SMS number of its own. */
  readonly twilioFromNumber: string | null;
  /** Explicit status callback address; otherwise derived from PUBLIC_URL (twilioSettingsOf). */
  readonly twilioStatusCallbackUrl: string | null;
  readonly smsTimeoutSeconds: number;
  /** SMS segments per second per sending number; 0 turns the limit off. */
  readonly smsSegmentsPerSecond: number;
  /** Emails per second per sending address; 0 (the default) turns the limit off. */
  readonly emailsPerSecond: number;
  /** The SMTP server for studios without their own (smtp:// or smtps://); a secret, it holds the password. */
  readonly smtpUrl: string | null;
  /** The sender address of studios that have no sender email. */
  readonly smtpFrom: string | null;
  /** Connections per SMTP server at most (the transport's pool). */
  readonly smtpPoolSize: number;
  /** How long to wait for the server to connect, greet and answer each command. */
  readonly smtpTimeoutSeconds: number;
  /** Signs unsubscribe links; null uses a secret generated once and kept in the database. */
  readonly unsubscribeSecret: string | null;
  /** Inbound SMS: how far back the last outbound SMS to a number counts as the conversation a reply answers. */
  readonly smsConversationDays: number;
  /** Email events (docs/inbound.md): signs our JSON format; null turns that webhook off. A secret. */
  readonly emailEventsSecret: string | null;
  /** SendGrid's Signed Event Webhook verification key (base64 DER); null turns that webhook off. */
  readonly sendgridWebhookPublicKey: string | null;
}

/**
 * The address public links (web forms) point at: PUBLIC_URL, else the address the server listens on,
 * which is right for one machine and says plainly what to set behind a proxy.
 */
export function publicUrlOf(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${config.port}`;
}

export const DEFAULT_DATABASE_URL = 'file:./data/triggerfish.db';

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false, not "${env[name]}"`);
    return fallback;
  };
  const matching = (name: string, pattern: RegExp, what: string): string | null => {
    const raw = env[name];
    if (raw === undefined || raw === '') return null;
    if (pattern.test(raw)) return raw;
    // Never echo the value: some of these are secrets.
    problems.push(`${name} must be ${what}`);
    return null;
  };
  const smtpUrl = (name: string): string | null => {
    const raw = env[name];
    if (raw === undefined || raw === '') return null;
    const parsed = parseSmtpUrl(raw);
    if (parsed.ok) return raw.trim();
    problems.push(`${name} ${parsed.problem}`);
    return null;
  };
  const emailAddress = (name: string): string | null => {
    const raw = env[name];
    if (raw === undefined || raw === '') return null;
    const email = normalizeEmail(raw);
    if (!email) problems.push(`${name} must be an email address like studio@example.com, not "${raw}"`);
    return email;
  };
  const httpUrl = (name: string): string | null =>
    matching(name, /^https?:\/\/[^\s/]+/i, 'an http:// or https:// address')?.replace(/\/+$/, '') ?? null;
  const config: Config = {
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    host: env.HOST || '127.0.0.1',
    port: int('PORT', 3000, 0, 65535),
    demo: bool('TRIGGERFISH_DEMO', true),
    controlCenter: bool('CONTROL_CENTER', true),
    controlCenterIntervalSeconds: int('CONTROL_CENTER_INTERVAL_SECONDS', 60, 1, 3600),
    logLevel: env.LOG_LEVEL || 'info',
    publicUrl: env.PUBLIC_URL || null,
    trustProxyHops: int('TRUST_PROXY_HOPS', 0, 0, 10),
    sessionHours: int('SESSION_HOURS', 12, 1, 24 * 90),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowMinutes: int('LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    contactFormPerHour: int('CONTACT_FORM_PER_HOUR', 5, 1, 10_000),
    twilioBaseUrl: httpUrl('TWILIO_BASE_URL') ?? 'https://api.twilio.com',
    twilioAccountSid: matching('TWILIO_ACCOUNT_SID', /^AC[0-9a-f]{32}$/i, '"AC" followed by 32 hex digits'),
    twilioAuthToken: matching('TWILIO_AUTH_TOKEN', /^\S+$/, 'a token without spaces'),
    twilioMessagingServiceSid: matching(
      'TWILIO_MESSAGING_SERVICE_SID',
      /^MG[0-9a-f]{32}$/i,
      '"MG" followed by 32 hex digits',
    ),
    twilioFromNumber: matching(
      'TWILIO_FROM_NUMBER',
      /^(\+[1-9]\d{6,14}|(?=.*[a-z])[a-z0-9 ]{1,11})$/i,
      'an E.164 number like +15551234567 or an alphanumeric sender ID of up to 11 characters',
    ),
    twilioStatusCallbackUrl: httpUrl('TWILIO_STATUS_CALLBACK_URL'),
    smsTimeoutSeconds: int('SMS_TIMEOUT_SECONDS', 15, 1, 120),
    smsSegmentsPerSecond: int('SMS_SEGMENTS_PER_SECOND', 1, 0, 10000),
    emailsPerSecond: int('EMAILS_PER_SECOND', 0, 0, 100000),
    smtpUrl: smtpUrl('SMTP_URL'),
    smtpFrom: emailAddress('SMTP_FROM'),
    smtpPoolSize: int('SMTP_POOL_SIZE', 5, 1, 100),
    smtpTimeoutSeconds: int('SMTP_TIMEOUT_SECONDS', 30, 1, 600),
    // At least 128 bits written out: a short secret could be guessed from one signed link.
    unsubscribeSecret: matching('UNSUBSCRIBE_SECRET', /^\S{32,}$/, 'at least 32 characters without spaces'),
    smsConversationDays: int('SMS_CONVERSATION_DAYS', 30, 1, 365),
    emailEventsSecret: matching('EMAIL_EVENTS_SECRET', /^\S{32,}$/, 'at least 32 characters without spaces'),
    sendgridWebhookPublicKey: matching(
      'SENDGRID_WEBHOOK_PUBLIC_KEY',
      /^\s*[A-Za-z0-9+/]+={0,2}\s*$/,
      'the base64 verification key from SendGrid (Mail Settings → Signed Event Webhook)',
    ),
    ...overrides,
  };
  if (Boolean(env.TWILIO_ACCOUNT_SID) !== Boolean(env.TWILIO_AUTH_TOKEN)) {
    problems.push('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together');
  }
  if (config.sendgridWebhookPublicKey && !parseSendgridPublicKey(config.sendgridWebhookPublicKey)) {
    problems.push('SENDGRID_WEBHOOK_PUBLIC_KEY must be an ECDSA P-256 public key (base64 of its DER)');
  }
  if (problems.length > 0) throw new Error(`Configuration is not valid:\n- ${problems.join('\n- ')}`);
  return Object.freeze(config);
}
