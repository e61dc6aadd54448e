/**
 * What the outbox dispatcher hands a channel, and what the channel answers. Each channel (SMTP,
 * the SMS provider, capture) classifies its own errors: only it knows that SMTP 451 is worth a
 * retry and Twilio 21211 is not.
 */
export interface OutboundAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface OutboundMessage {
  readonly deliveryId: number;
  readonly communicationId: number;
  readonly studioId: number;
  readonly channel: 'email' | 'sms';
  readonly to: string;
  /** Email address or E.164 number of the studio. */
  readonly from: string | null;
  readonly fromName: string | null;
  readonly subject: string | null;
  readonly html: string | null;
  readonly text: string | null;
  readonly isMarketing: boolean;
  /** Email: stable per delivery, so a resend after a crash carries the same Message-ID. */
  readonly messageId: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly attachments: readonly OutboundAttachment[];
  /** Email: the studio's own SMTP server, which wins over SMTP_URL. A secret: holds the password. */
  readonly smtpUrl?: string | null;
}

export type SendOutcome =
  /** Accepted by the provider; `delivered` follows from a status callback, or at once for capture. */
  | { readonly kind: 'sent'; readonly providerId: string | null; readonly delivered?: boolean }
  /** Worth another attempt later (timeouts, SMTP 4xx, HTTP 429/5xx, queue overflow). */
  | {
      readonly kind: 'temporary';
      readonly code: string;
      readonly reason: string;
      /** The provider's Retry-After, when it gave one. */
      readonly retryAfterMs?: number;
    }
  /** Never worth another attempt (SMTP 5xx, invalid number, opted-out recipient). */
  | {
      readonly kind: 'permanent';
      readonly code: string;
      readonly reason: string;
      /** The provider says the recipient opted out (Twilio 21610): record it. */
      readonly optedOut?: boolean;
    };

export interface DeliveryChannel {
  /** Stored on the delivery as its `provider`, e.g. `smtp`, `twilio`, `capture`. */
  readonly name: string;
  send(message: OutboundMessage): Promise<SendOutcome>;
  /** Closes pooled connections; sends in flight finish first. */
  close(): Promise<void>;
}
