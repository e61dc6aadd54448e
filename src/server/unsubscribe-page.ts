import { escapeHtml, pageHtml } from './public-page.js';

/**
 * The unsubscribe page (SPEC §5): plain server-rendered HTML that works without JavaScript and on
 * a phone, with a real form whose button posts back to the same address. Every text that comes
 * from data (the studio's name) is escaped.
 */
export type UnsubscribePage =
  | {
      readonly kind: 'confirm';
      readonly studioName: string;
      readonly channel: 'email' | 'sms';
      readonly alreadyOut: boolean;
    }
  | { readonly kind: 'done'; readonly studioName: string; readonly channel: 'email' | 'sms' }
  | { readonly kind: 'invalid' };

/** Headers of every unsubscribe page: never cached, never framed, and the token is never sent on. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
} as const;

export function unsubscribePage(page: UnsubscribePage): string {
  if (page.kind === 'invalid') {
    return pageHtml(
      'Link not valid',
      null,
      `<h1>This unsubscribe link is not valid</h1>
<p>It may have been copied incompletely, or the message it came from no longer exists. Nothing was changed.</p>
<p>To stop receiving messages, use the unsubscribe link of a recent message, or reply to it and ask.</p>`,
    );
  }
  const studio = escapeHtml(page.studioName);
  const what = page.channel === 'email' ? 'marketing emails' : 'marketing text messages';
  if (page.kind === 'done') {
    return pageHtml(
      'Unsubscribed',
      null,
      `<h1 role="status">You are unsubscribed</h1>
<p>${studio} will no longer send you ${what}. Messages about your bookings and orders still reach you.</p>`,
    );
  }
  const note = page.alreadyOut ? `<p>You are already unsubscribed from ${what} of ${studio}.</p>` : '';
  return pageHtml(
    'Unsubscribe',
    null,
    `<h1>Unsubscribe from ${studio}</h1>
<p>Stop receiving ${what} from ${studio}? Messages about your bookings and orders will still reach you.</p>
${note}<form method="post">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" aria-label="Unsubscribe from ${what} of ${studio}">Unsubscribe</button>
</form>`,
  );
}
