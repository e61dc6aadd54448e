import { createTransport } from 'nodemailer';
import type { SmtpServer } from '../../domain/smtp-url.js';

type Transport = ReturnType<typeof createTransport>;

export interface SmtpTransports {
  /** The pooled transport of one server, made on first use and kept until `close()`. */
  get(url: string, server: SmtpServer): Transport;
  close(): void;
}

/**
 * One pooled nodemailer transport per SMTP URL: studios on the same server (SMTP_URL, or several
 * studios of one owner) share its connections, and a studio with its own server gets its own pool.
 * A URL holds the user and password, so a changed password is a new URL and a new pool; the old
 * pool's idle connections close themselves once the server times them out, and all close with
 * `close()`.
 */
export function smtpTransports(options: { poolSize: number; timeoutMs: number }): SmtpTransports {
  const pools = new Map<string, Transport>();
  return {
    get(url, server) {
      let transport = pools.get(url);
      if (!transport) {
        transport = createTransport({
          pool: true,
          host: server.host,
          port: server.port,
          secure: server.secure,
          requireTLS: server.requireStartTls,
          ...(server.user !== null ? { auth: { user: server.user, pass: server.password ?? '' } } : {}),
          maxConnections: options.poolSize,
          connectionTimeout: options.timeoutMs,
          greetingTimeout: options.timeoutMs,
          socketTimeout: options.timeoutMs,
          // The message is built from our own content only: never let it pull in files or URLs.
          disableFileAccess: true,
          disableUrlAccess: true,
          logger: false,
        });
        pools.set(url, transport);
      }
      return transport;
    },
    close() {
      for (const transport of pools.values()) transport.close();
      pools.clear();
    },
  };
}
