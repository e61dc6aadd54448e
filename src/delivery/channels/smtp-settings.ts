import type { Config } from '../../config.js';

export interface SmtpSettings {
  /** The server of studios without their own (SMTP_URL); null when only studios' own servers are used. */
  readonly url: string | null;
  /** The sender address of studios without a sender email (SMTP_FROM). */
  readonly from: string | null;
  /** Connections per server at most. */
  readonly poolSize: number;
  /** How long to wait to connect, for the greeting and for each answer. */
  readonly timeoutMs: number;
}

export function smtpSettingsOf(config: Config): SmtpSettings {
  return {
    url: config.smtpUrl,
    from: config.smtpFrom,
    poolSize: config.smtpPoolSize,
    timeoutMs: config.smtpTimeoutSeconds * 1000,
  };
}
