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
    return layout(
      'Link not valid',
      `<h1>This unsubscribe link is not valid</h1>
<p>It may have been copied incompletely, or the message it came from no longer exists. Nothing was changed.</p>
<p>To stop receiving messages, use the unsubscribe link of a recent message, or reply to it and ask.</p>`,
    );
  }
  const studio = escapeHtml(page.studioName);
  const what = page.channel === 'email' ? 'marketing emails' : 'marketing text messages';
  if (page.kind === 'done') {
    return layout(
      'Unsubscribed',
      `<h1 role="status">You are unsubscribed</h1>
<p>${studio} will no longer send you ${what}. Messages about your bookings and orders still reach you.</p>`,
    );
  }
  const note = page.alreadyOut ? `<p>You are already unsubscribed from ${what} of ${studio}.</p>` : '';
  return layout(
    'Unsubscribe',
    `<h1>Unsubscribe from ${studio}</h1>
<p>Stop receiving ${what} from ${studio}? Messages about your bookings and orders will still reach you.</p>
${note}<form method="post">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" aria-label="Unsubscribe from ${what} of ${studio}">Unsubscribe</button>
</form>`,
  );
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1.5rem;color:#1a1a1a;background:#f6f6f4;line-height:1.5}
main{max-width:32rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin-top:0}
button{font-size:1.1rem;padding:.75rem 1.5rem;min-height:44px;border:0;border-radius:6px;background:#1f5f8b;color:#fff;cursor:pointer}
button:focus{outline:3px solid #f0b400;outline-offset:2px}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
